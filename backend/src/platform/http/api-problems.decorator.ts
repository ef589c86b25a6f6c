import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem';
import { problemResponse } from './problem-examples';

/** Documents the problem+json error responses an operation can give, each with a true example. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));
}

export { ProblemDto };
