import { domainError } from '../../../platform/errors/domain-error';

export class OnlyReceiverMayMarkReadError extends domainError(
  'ONLY_RECEIVER_MAY_MARK_READ',
  403,
  'Only the receiver may mark a message as read',
) {}
