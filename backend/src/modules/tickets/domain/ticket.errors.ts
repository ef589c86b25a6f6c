import { domainError } from '../../../platform/errors/domain-error';

export class TicketAlreadyClosedError extends domainError(
  'TICKET_ALREADY_CLOSED',
  409,
  'The ticket is already closed',
) {}

export class TicketNotClosedError extends domainError(
  'TICKET_NOT_CLOSED',
  409,
  'Only a closed ticket can be reopened',
) {}

export class AssigneeMayNotEditError extends domainError('ASSIGNEE_MAY_ONLY_CHANGE_STATUS_AND_PRIORITY', 403) {
  constructor(field: string) {
    super('The assignee may change only status and priority', field);
  }
}

export class OnlyCreatorMayDeleteError extends domainError(
  'ONLY_CREATOR_MAY_DELETE',
  403,
  "Only the ticket's creator may delete it",
) {}
