import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { FieldError } from '../errors/problem';

// class-transformer keeps its @Type() registry in a module of its own, without a public entry point.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerMetadata;
};

type Constructor = abstract new (...args: never[]) => unknown;

/**
 * The fields of a request that its DTO does not declare, found in the value as received (the
 * parsed JSON or query), with dotted paths (`actions.0.constructor`), nested DTOs too.
 *
 * The whitelist of class-validator looks at the DTO instance class-transformer built, and
 * class-transformer skips every key that names something the instance already has (`constructor`,
 * `toString`, `valueOf`, `hasOwnProperty`, …), so those were dropped silently instead of being
 * refused like any other unknown field. This looks at the received value's own keys instead.
 */
export function findUnknownFields(value: unknown, metatype: Constructor, parent = ''): FieldError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    metatype as unknown as new () => object,
    '',
    false,
    false,
    undefined,
  );
  // Not a DTO (no validation rules at all): nothing to hold the value against.
  if (metadatas.length === 0) return [];
  const declared = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas)
    declared.set(metadata.propertyName, [...(declared.get(metadata.propertyName) ?? []), metadata]);
  const out: FieldError[] = [];
  for (const key of Object.keys(value)) {
    const field = parent ? `${parent}.${key}` : key;
    const rules = declared.get(key);
    if (!rules) {
      out.push({ field, message: `${field} is not an allowed field` });
      continue;
    }
    if (!rules.some((rule) => rule.type === ValidationTypes.NESTED_VALIDATION)) continue;
    const nested = defaultMetadataStorage
      .findTypeMetadata(metatype as unknown as new () => object, key)
      ?.typeFunction({ newObject: {}, object: value as Record<string, unknown>, property: key });
    if (typeof nested !== 'function') continue;
    const child = (value as Record<string, unknown>)[key];
    if (Array.isArray(child))
      child.forEach((item, index) => out.push(...findUnknownFields(item, nested as Constructor, `${field}.${index}`)));
    else out.push(...findUnknownFields(child, nested as Constructor, field));
  }
  return out;
}
