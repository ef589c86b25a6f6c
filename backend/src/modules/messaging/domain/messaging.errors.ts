import { DomainError } from '../../../platform/errors/domain-error';

export class OnlyReceiverMayMarkReadError extends DomainError {
  readonly code = 'ONLY_RECEIVER_MAY_MARK_READ';
  readonly status = 403;
  constructor() {
    super('Only the receiver may mark a message as read');
  }
}
