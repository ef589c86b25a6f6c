import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each bad field',
  401: 'Not authenticated',
  403: 'Not allowed (or the CSRF header is missing)',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict (duplicate, stale version or wrong state)',
  429: 'Rate limited; see Retry-After',
  503: 'Temporarily unavailable (database down, or the server busy); see Retry-After',
};

/** Documents the problem+json error responses an operation can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } }),
    ),
  );
}

export { ProblemDto };
