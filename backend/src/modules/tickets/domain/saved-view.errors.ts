import { domainError } from '../../../platform/errors/domain-error';
import { MAX_SAVED_VIEWS_PER_USER } from './saved-view.entity';

export class SavedViewNameTakenError extends domainError(
  'SAVED_VIEW_NAME_TAKEN',
  409,
  'You already have a saved view with this name',
  'name',
) {}

export class SavedViewLimitReachedError extends domainError(
  'SAVED_VIEW_LIMIT_REACHED',
  409,
  `You can keep at most ${MAX_SAVED_VIEWS_PER_USER} saved views; delete one first`,
) {}
