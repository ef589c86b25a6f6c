import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { TooManyLoginAttemptsError } from '../domain/identity.errors';

/** The attempt slots one login holds (one per counter), from `reserve` until the outcome is known. */
export interface LoginReservation {
  accountKey: string;
  ipKey: string;
  /** Each counter's window start (as PostgreSQL's text, microseconds kept) when the slot was taken: a release never touches a later window. */
  windows: Map<string, string>;
}

interface CounterRow {
  key: string;
  failures: number;
  window_started_at: string;
  retry_after: number;
}

/**
 * Counts logins per account and per IP in PostgreSQL (fixed windows), so the limit holds across
 * API instances. A login takes a slot in both counters in one statement *before* the password is
 * checked (the row locks make count-and-decide atomic), so N simultaneous attempts cannot all pass
 * a check that no failure has been recorded against yet. A wrong password keeps its slots (they
 * are the failure); a success gives the IP slot back and clears the account's counter; a refused
 * or broken attempt gives both back.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  /** Takes one attempt slot per counter, or throws 429 with the seconds left in the window when either is over its limit. */
  async reserve(email: string, ip: string): Promise<LoginReservation> {
    const accountKey = `account:${email.trim().toLowerCase()}`;
    const ipKey = `ip:${ip}`;
    const window = this.config.LOGIN_WINDOW_SECONDS;
    // Account before IP in every statement: two logins lock the rows in the same order, never in a cycle.
    const rows = await this.em.getConnection().execute<CounterRow[]>(
      `insert into login_throttle as t (key, failures, window_started_at) values (?, 1, now()), (?, 1, now())
       on conflict (key) do update set
         failures = case when t.window_started_at <= now() - make_interval(secs => ?) then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at <= now() - make_interval(secs => ?) then now() else t.window_started_at end
       returning key, failures, window_started_at::text as window_started_at,
         ceil(extract(epoch from (window_started_at + make_interval(secs => ?)) - now()))::int as retry_after`,
      [accountKey, ipKey, window, window, window],
    );
    const reservation: LoginReservation = {
      accountKey,
      ipKey,
      windows: new Map(rows.map((r) => [r.key, r.window_started_at])),
    };
    const limits = new Map([
      [accountKey, this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT],
      [ipKey, this.config.LOGIN_MAX_FAILURES_PER_IP],
    ]);
    const over = rows.filter((r) => r.failures > (limits.get(r.key) ?? Infinity));
    if (over.length > 0) {
      // A refused attempt is no failure: its slots go back.
      await this.release(reservation);
      throw new TooManyLoginAttemptsError(Math.max(1, ...over.map((r) => r.retry_after)));
    }
    return reservation;
  }

  /** The password was right: the account's counter is cleared and the IP's slot given back. */
  async succeeded(reservation: LoginReservation): Promise<void> {
    await this.em.getConnection().execute(`delete from login_throttle where key = ?`, [reservation.accountKey]);
    await this.giveBack(reservation, reservation.ipKey);
  }

  /**
   * The attempt was not a wrong password (refused, or broken by something else): both slots go
   * back. Best effort: if it fails, the counters over-count by one until the window ends, and the
   * caller's own error is the one the client sees.
   */
  async release(reservation: LoginReservation): Promise<void> {
    try {
      await this.giveBack(reservation, reservation.accountKey);
      await this.giveBack(reservation, reservation.ipKey);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not give login-throttle slots back');
    }
  }

  // One row per statement: a statement that held one counter's lock while waiting for the other's
  // could deadlock with a reservation taking them in the opposite order.
  private async giveBack(reservation: LoginReservation, key: string): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        `update login_throttle set failures = greatest(failures - 1, 0) where key = ? and window_started_at = ?::timestamptz`,
        [key, reservation.windows.get(key)],
      );
  }
}
