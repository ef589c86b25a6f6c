import { PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * The columns every module's own table starts with: a uuid key made by the application and the
 * creation time. A mapped superclass (no `@Entity`): it has no table, each subclass maps the
 * columns into its own.
 */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/**
 * An entity that is edited in place: `version` is MikroORM's optimistic lock (a flush of a stale
 * copy fails), and `updatedAt` the time of the last change.
 */
export abstract class VersionedEntity extends BaseEntity {
  @Property({ type: 'int', version: true })
  version = 1;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
