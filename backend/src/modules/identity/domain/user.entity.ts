import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'users' })
@Index({ name: 'users_created_at_id_idx', properties: ['createdAt', 'id'] })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased: emails are compared case-insensitively. Unique. */
  @Property({ type: 'text', unique: 'users_email_key' })
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
