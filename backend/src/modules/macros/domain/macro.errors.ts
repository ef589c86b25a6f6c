import { DomainError } from '../../../platform/errors/domain-error';

export class NotMacroOwnerError extends DomainError {
  readonly code = 'NOT_MACRO_OWNER';
  readonly status = 403;
  constructor() {
    super("Only the macro's owner may change or delete it");
  }
}
