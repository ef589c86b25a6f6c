import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CursorCodec, Page, toPage } from '../../../platform/pagination/cursor';
import { ormRunner } from '../../../platform/database/sql';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { ApiToken } from '../domain/api-token.entity';
import { EmailTakenError, InvalidCredentialsError, UsernameTakenError } from '../domain/identity.errors';
import { User, USER_UNIQUE_CONSTRAINTS } from '../domain/user.entity';
import {
  otherUsersPage,
  revokeTokenAndNotify,
  signupClash,
  tokenByHash,
  USERS,
  userSummaries,
} from '../persistence/identity.statements';
import { PasswordHasher } from './password-hasher';
import { NewSession, SessionStore } from './session-store';
import { TOKEN_REVOKED_CHANNEL, TokenCache } from './token-cache';

export const DEMO_USER = { email: 'demo@balanced.workspace', username: 'demo' } as const;

export interface UserSummary {
  id: string;
  username: string;
}

const NAME_CACHE_LIMIT = 50_000;

@Injectable()
export class IdentityService {
  private readonly names = new Map<string, UserSummary>();

  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly cursors: CursorCodec,
    private readonly tokens: TokenCache,
    private readonly sessions: SessionStore,
  ) {}

  /**
   * Creates the account and its first session in one transaction: a sign-up either commits both
   * or writes nothing (a busy hasher refuses before the transaction; a failed session write rolls
   * the user row back).
   */
  async signup(
    input: { email: string; username: string; password: string },
    session: Omit<NewSession, 'userId'>,
  ): Promise<User> {
    const email = User.normalizeEmail(input.email);
    const clash = await ormRunner(this.em).query<{ email_taken: boolean; username_taken: boolean }>(
      signupClash(email, input.username),
    );
    if (clash[0]?.email_taken) throw new EmailTakenError();
    if (clash[0]?.username_taken) throw new UsernameTakenError();
    const user = new User({ email, username: input.username, passwordHash: await this.hasher.hash(input.password) });
    try {
      await this.em.transactional(async (em) => {
        em.persist(user);
        await em.flush();
        await this.sessions.createIn(em, { ...session, userId: user.id });
      });
    } catch (error) {
      // Two sign-ups raced past the check above; the unique index decides, and names the field.
      const constraint =
        error instanceof UniqueConstraintViolationException ? (error as { constraint?: string }).constraint : undefined;
      if (constraint === USER_UNIQUE_CONSTRAINTS.email) throw new EmailTakenError();
      if (constraint === USER_UNIQUE_CONSTRAINTS.username) throw new UsernameTakenError();
      throw error;
    }
    return user;
  }

  /** The same error, and about the same time, whether the email is unknown or the password wrong. */
  async verifyCredentials(emailInput: string, password: string): Promise<User> {
    const user = await this.em.findOne(
      User,
      { email: User.normalizeEmail(emailInput) },
      { populate: ['passwordHash'] },
    );
    if (!user) {
      await this.hasher.verifyAgainstNothing(password);
      throw new InvalidCredentialsError();
    }
    if (!(await this.hasher.verify(password, user.passwordHash))) throw new InvalidCredentialsError();
    return user;
  }

  async getUser(id: string): Promise<User> {
    const user = await this.em.findOne(User, { id });
    if (!user) throw new ResourceNotFoundError('User');
    return user;
  }

  async findUser(id: string): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  /**
   * Loads several users' names at once (one query, none when all are cached). Usernames never
   * change once chosen, so names are cached in-process; `fresh` bypasses the cache where the
   * question is whether the user still exists.
   */
  async summaries(ids: Iterable<string>, options: { fresh?: boolean } = {}): Promise<Map<string, UserSummary>> {
    const result = new Map<string, UserSummary>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = options.fresh ? undefined : this.names.get(id);
      if (cached) result.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return result;
    const rows = await ormRunner(this.em).query<UserSummary>(userSummaries(missing));
    if (this.names.size > NAME_CACHE_LIMIT) this.names.clear();
    for (const row of rows) {
      const summary = { id: row.id, username: row.username };
      this.names.set(row.id, summary);
      result.set(row.id, summary);
    }
    return result;
  }

  async demoUser(): Promise<User> {
    const user = await this.em.findOne(User, { email: DEMO_USER.email });
    if (!user) throw new Error('The demo user is missing: the database seeder has not run');
    return user;
  }

  /**
   * Other users, newest first, optionally filtered by a substring of the username (never the
   * email: addresses are not shown, so matching them would let anyone probe for them).
   */
  async listUsers(
    callerId: string,
    query: { q?: string; limit?: number; cursor?: string },
  ): Promise<Page<UserSummary>> {
    const limit = query.limit ?? 10;
    const scope = `users:${query.q ?? ''}`;
    const after = query.cursor ? this.cursors.decode(query.cursor, scope) : null;
    const rows = await ormRunner(this.em).query(otherUsersPage(callerId, query.q ?? '', after, limit + 1));
    return toPage(
      rows.map((r) => USERS.toRecord<UserSummary & { createdAt: Date }>(r)),
      limit,
      this.cursors,
      scope,
      (r) => ({ id: r.id, username: r.username }),
    );
  }

  async createToken(userId: string, name: string): Promise<{ token: ApiToken; secret: string }> {
    const issued = ApiToken.issue(userId, name);
    await this.em.persistAndFlush(issued.token);
    return issued;
  }

  async listTokens(userId: string): Promise<ApiToken[]> {
    return this.em.find(ApiToken, { userId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  /** Deletes the token and tells every instance (their token caches) in the same statement, so the NOTIFY goes out with the commit. */
  async revokeToken(userId: string, tokenId: string): Promise<void> {
    const deleted = (await ormRunner(this.em).query(revokeTokenAndNotify(userId, tokenId, TOKEN_REVOKED_CHANNEL)))
      .length;
    if (deleted === 0) throw new ResourceNotFoundError('API token');
    this.tokens.evict(tokenId);
  }

  /**
   * The owner of a bearer token, or null. Served from the token cache when it holds the token;
   * otherwise one statement reads it and records when it was last used, at most once a minute (a
   * read-only request must not turn into a row write, and a row lock, every time).
   */
  async userIdForToken(secret: string): Promise<string | null> {
    const hash = ApiToken.hash(secret);
    const cached = this.tokens.get(hash);
    if (cached) return cached.userId;
    const rows = await ormRunner(this.em).query<{ id: string; user_id: string }>(tokenByHash(hash));
    if (!rows[0]) return null;
    this.tokens.set(hash, rows[0].user_id, rows[0].id);
    return rows[0].user_id;
  }
}
