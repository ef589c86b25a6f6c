import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { ormRunner } from '../../../platform/database/sql';
import { TooManyLoginAttemptsError } from '../domain/identity.errors';
import { clearCounter, giveBackSlot, reserveAttempts } from '../persistence/identity.statements';

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
    const rows = await ormRunner(this.em).query<CounterRow>(
      reserveAttempts(accountKey, ipKey, this.config.LOGIN_WINDOW_SECONDS),
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
    await ormRunner(this.em).query(clearCounter(reservation.accountKey));
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
    await ormRunner(this.em).query(giveBackSlot(key, reservation.windows.get(key)));
  }
}
