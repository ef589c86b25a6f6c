import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../errors/problem';
import { findUnknownFields } from './unknown-fields';

/** Thrown by the global ValidationPipe; the problem filter renders it as a 400 naming each field. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super('The request has invalid fields.');
  }
}

/**
 * Flattens class-validator's tree into one `{field, message}` per bad field, with dotted paths
 * (`actions.0.value`). A missing field says so instead of listing every rule it fails.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property || 'body';
    const messages = Object.entries(error.constraints ?? {});
    if (messages.length > 0) {
      const unknown = messages.find(([name]) => name === 'whitelistValidation');
      const message = unknown
        ? `${field} is not an allowed field`
        : error.value === undefined
          ? `${field} is required`
          : error.value === null
            ? `${field} may not be null`
            : // class-validator lists constraints last-decorator-first; the first decorator is the most basic rule.
              messages[messages.length - 1][1];
      out.push({ field, message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/**
 * class-validator's pipe, plus the check of the received body's and query's own keys against the
 * DTO (unknown-fields), so that `constructor`, `toString` and the like are refused like any
 * unknown field instead of being dropped by class-transformer.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype } = metadata;
    const unknown = (type === 'body' || type === 'query') && metatype ? findUnknownFields(value, metatype) : [];
    if (unknown.length === 0) return super.transform(value, metadata);
    try {
      await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof RequestValidationError)) throw error;
      const named = new Set(unknown.map((e) => e.field));
      throw new RequestValidationError([...unknown, ...error.errors.filter((e) => !named.has(e.field))]);
    }
    throw new RequestValidationError(unknown);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
