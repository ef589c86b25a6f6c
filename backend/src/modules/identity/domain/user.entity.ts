import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** The unique indexes of `users` (migration Identity), by the field a violation is about. */
export const USER_UNIQUE_CONSTRAINTS = { email: 'users_email_key', username: 'users_username_lower_key' } as const;

@Entity({ tableName: 'users' })
@Index({ name: 'users_created_at_id_idx', properties: ['createdAt', 'id'] })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased: emails are compared case-insensitively. Unique. */
  @Property({ type: 'text', unique: USER_UNIQUE_CONSTRAINTS.email })
  email: string;

  /** Kept as typed; unique case-insensitively (index on lower(username), see migration). */
  @Property({ type: 'text' })
  username: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(props: { email: string; username: string; passwordHash: string }) {
    this.email = User.normalizeEmail(props.email);
    this.username = props.username;
    this.passwordHash = props.passwordHash;
  }

  static normalizeEmail(email: string): string {
    return email.trim().toLowerCase();
  }
}
