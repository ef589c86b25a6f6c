import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { ResourceNotFoundError } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not one of ours cannot name a resource: 404, like any unknown id. */
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly resource = 'Resource') {}
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw new ResourceNotFoundError(this.resource);
    return value.toLowerCase();
  }
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `@IdParam()` reads `:id` (or another name) as a validated id. */
export function IdParam(name = 'id', resource = 'Resource'): ParameterDecorator {
  return Param(name, new ParseIdPipe(resource));
}

/** Swagger for a path id. */
export function ApiIdParam(name = 'id') {
  return applyDecorators(ApiParam({ name, type: String, format: 'uuid' }));
}
