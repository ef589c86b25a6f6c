import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000Identity } from './Migration20261125000000Identity';

/** Every migration, in order. The list is explicit so that tests, the CLI and the built app agree. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125000000Identity', class: Migration20261125000000Identity },
];
