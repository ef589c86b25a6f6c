import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { TooManyLoginAttemptsError } from '../domain/identity.errors';

/**
 * Counts failed logins per account and per IP in PostgreSQL (fixed windows), so the limit holds
 * across API instances. A success clears the account's counter.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string) {
    return [
      { key: `account:${email.trim().toLowerCase()}`, max: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT },
      { key: `ip:${ip}`, max: this.config.LOGIN_MAX_FAILURES_PER_IP },
    ];
  }

  /** Throws 429 with the seconds left in the window when either counter is at its limit. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const rows: { key: string; failures: number; retry_after: number }[] = await this.em.getConnection().execute(
      `select key, failures, ceil(extract(epoch from (window_started_at + make_interval(secs => ?)) - now()))::int as retry_after
         from login_throttle where key in (?, ?) and window_started_at > now() - make_interval(secs => ?)`,
      [this.config.LOGIN_WINDOW_SECONDS, keys[0].key, keys[1].key, this.config.LOGIN_WINDOW_SECONDS],
    );
    for (const row of rows) {
      const limit = keys.find((k) => k.key === row.key)?.max ?? Infinity;
      if (row.failures >= limit) throw new TooManyLoginAttemptsError(Math.max(1, row.retry_after));
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.LOGIN_WINDOW_SECONDS;
    for (const { key } of this.keys(email, ip)) {
      await this.em.getConnection().execute(
        `insert into login_throttle (key, failures, window_started_at) values (?, 1, now())
         on conflict (key) do update set
           failures = case when login_throttle.window_started_at <= now() - make_interval(secs => ?) then 1 else login_throttle.failures + 1 end,
           window_started_at = case when login_throttle.window_started_at <= now() - make_interval(secs => ?) then now() else login_throttle.window_started_at end`,
        [key, window, window],
      );
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.em.getConnection().execute(`delete from login_throttle where key = ?`, [`account:${email.trim().toLowerCase()}`]);
  }
}
