import { ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe, RequestValidationError } from './validation';

class Inner {
  @IsInt() n!: number;
}
class Body {
  @IsString() @Length(3, 5) name!: string;
  @ValidateNested() @Type(() => Inner) inner!: Inner;
}
class WithList {
  @ValidateNested({ each: true }) @Type(() => Inner) items!: Inner[];
}

async function errorsFor(value: unknown, metatype: ArgumentMetadata['metatype'] = Body) {
  const meta: ArgumentMetadata = { type: 'body', metatype };
  try {
    await createValidationPipe().transform(value, meta);
  } catch (error) {
    if (error instanceof RequestValidationError) return error.errors;
    throw error;
  }
  return [];
}

describe('the global validation pipe', () => {
  it('gives one entry per bad field, with dotted paths for nested fields', async () => {
    expect(await errorsFor({ name: 'x', inner: { n: 'one' } })).toEqual([
      { field: 'name', message: expect.stringContaining('name') },
      { field: 'inner.n', message: expect.stringContaining('n') },
    ]);
  });

  it('says a missing field is required', async () => {
    expect(await errorsFor({ inner: { n: 1 } })).toEqual([{ field: 'name', message: 'name is required' }]);
  });

  it('rejects unknown fields by name', async () => {
    expect(await errorsFor({ name: 'abcd', inner: { n: 1 }, admin: true })).toEqual([
      { field: 'admin', message: 'admin is not an allowed field' },
    ]);
  });

  it.each(['constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])(
    'rejects an unknown field named %s, which class-transformer would drop',
    async (name) => {
      const body = JSON.parse(`{"name":"abcd","inner":{"n":1},${JSON.stringify(name)}:1}`) as unknown;
      expect(await errorsFor(body)).toEqual([{ field: name, message: `${name} is not an allowed field` }]);
    },
  );

  it('rejects them in nested objects and array items, beside the other bad fields', async () => {
    expect(await errorsFor({ name: 'x', inner: { n: 1, toString: 'x' } })).toEqual([
      { field: 'inner.toString', message: 'inner.toString is not an allowed field' },
      { field: 'name', message: expect.stringContaining('name') },
    ]);
    expect(await errorsFor({ items: [{ n: 1 }, { n: 2, constructor: 1 }] }, WithList)).toEqual([
      { field: 'items.1.constructor', message: 'items.1.constructor is not an allowed field' },
    ]);
  });

  it('passes a valid body through as an instance', async () => {
    expect(await errorsFor({ name: 'abcd', inner: { n: 1 } })).toEqual([]);
  });
});
