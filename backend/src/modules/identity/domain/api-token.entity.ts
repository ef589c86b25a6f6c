import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const API_TOKEN_PREFIX = 'bw_';

/** A personal API token. Only a SHA-256 of the secret is stored; the secret is shown once. */
@Entity({ tableName: 'api_tokens' })
@Index({ name: 'api_tokens_user_id_created_at_idx', properties: ['userId', 'createdAt'] })
export class ApiToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', unique: 'api_tokens_token_hash_key', hidden: true })
  tokenHash: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  private constructor(userId: string, name: string, tokenHash: string) {
    this.userId = userId;
    this.name = name;
    this.tokenHash = tokenHash;
  }

  /** Creates a token and returns it with its secret, which is never stored. */
  static issue(userId: string, name: string): { token: ApiToken; secret: string } {
    const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    return { token: new ApiToken(userId, name, ApiToken.hash(secret)), secret };
  }

  static hash(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }
}
