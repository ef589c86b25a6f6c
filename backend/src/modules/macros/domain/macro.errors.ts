import { domainError } from '../../../platform/errors/domain-error';

export class NotMacroOwnerError extends domainError(
  'NOT_MACRO_OWNER',
  403,
  "Only the macro's owner may change or delete it",
) {}
