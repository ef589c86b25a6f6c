import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000Identity } from './Migration20261125000000Identity';
import { Migration20261125010000CustomersTicketsOutbox } from './Migration20261125010000CustomersTicketsOutbox';
import { Migration20261125020000MacrosMessaging } from './Migration20261125020000MacrosMessaging';
import { Migration20261125030000OutboxNotifyAfterCommit } from './Migration20261125030000OutboxNotifyAfterCommit';
import { Migration20261126000000OutboxClaimOrder } from './Migration20261126000000OutboxClaimOrder';
import { Migration20261201010000SearchIndexByParty } from './Migration20261201010000SearchIndexByParty';
import { Migration20261210000000IdempotencyKeys } from './Migration20261210000000IdempotencyKeys';
import { Migration20261215000000EventLog } from './Migration20261215000000EventLog';
import { Migration20261220000000TicketNumbers } from './Migration20261220000000TicketNumbers';
import { Migration20261222000000Webhooks } from './Migration20261222000000Webhooks';
import { Migration20261224000000SavedViews } from './Migration20261224000000SavedViews';
import { Migration20261228000000TicketStats } from './Migration20261228000000TicketStats';
import { Migration20261230000000DueDates } from './Migration20261230000000DueDates';
import { Migration20261231000000OverdueState } from './Migration20261231000000OverdueState';
import { Migration20270102000000TicketCustomerWords } from './Migration20270102000000TicketCustomerWords';
import { Migration20270103000000BoxIndexesCoverFilters } from './Migration20270103000000BoxIndexesCoverFilters';

/** Every migration, in order. The list is explicit so that tests, the CLI and the built app agree. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125000000Identity', class: Migration20261125000000Identity },
  { name: 'Migration20261125010000CustomersTicketsOutbox', class: Migration20261125010000CustomersTicketsOutbox },
  { name: 'Migration20261125020000MacrosMessaging', class: Migration20261125020000MacrosMessaging },
  { name: 'Migration20261125030000OutboxNotifyAfterCommit', class: Migration20261125030000OutboxNotifyAfterCommit },
  { name: 'Migration20261126000000OutboxClaimOrder', class: Migration20261126000000OutboxClaimOrder },
  { name: 'Migration20261201010000SearchIndexByParty', class: Migration20261201010000SearchIndexByParty },
  { name: 'Migration20261210000000IdempotencyKeys', class: Migration20261210000000IdempotencyKeys },
  { name: 'Migration20261215000000EventLog', class: Migration20261215000000EventLog },
  { name: 'Migration20261220000000TicketNumbers', class: Migration20261220000000TicketNumbers },
  { name: 'Migration20261222000000Webhooks', class: Migration20261222000000Webhooks },
  { name: 'Migration20261224000000SavedViews', class: Migration20261224000000SavedViews },
  { name: 'Migration20261228000000TicketStats', class: Migration20261228000000TicketStats },
  { name: 'Migration20261230000000DueDates', class: Migration20261230000000DueDates },
  { name: 'Migration20261231000000OverdueState', class: Migration20261231000000OverdueState },
  { name: 'Migration20270102000000TicketCustomerWords', class: Migration20270102000000TicketCustomerWords },
  { name: 'Migration20270103000000BoxIndexesCoverFilters', class: Migration20270103000000BoxIndexesCoverFilters },
];
