import { DomainError } from '../../../platform/errors/domain-error';

export class TicketAlreadyClosedError extends DomainError {
  readonly code = 'TICKET_ALREADY_CLOSED';
  readonly status = 409;
  constructor() {
    super('The ticket is already closed');
  }
}

export class TicketNotClosedError extends DomainError {
  readonly code = 'TICKET_NOT_CLOSED';
  readonly status = 409;
  constructor() {
    super('Only a closed ticket can be reopened');
  }
}

export class AssigneeMayNotEditError extends DomainError {
  readonly code = 'ASSIGNEE_MAY_ONLY_CHANGE_STATUS_AND_PRIORITY';
  readonly status = 403;
  constructor(field: string) {
    super('The assignee may change only status and priority', field);
  }
}

export class OnlyCreatorMayDeleteError extends DomainError {
  readonly code = 'ONLY_CREATOR_MAY_DELETE';
  readonly status = 403;
  constructor() {
    super("Only the ticket's creator may delete it");
  }
}
