import { EntityManager } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { ormRunner } from '../../../platform/database/sql';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { TicketOverdueEvent } from '../domain/events/ticket.events';
import { claimOverdue, markOverdue } from '../persistence/overdue.statements';
import { overdueEvents } from '../persistence/overdue-snapshot.statements';
import { TicketSnapshots } from './ticket-snapshots.service';

/**
 * Publishes `ticket.overdue` once per due time that passes while a ticket is open or pending
 * (ADR 0018). Every DUE_SCHEDULER_INTERVAL_MS, each instance claims up to DUE_SCHEDULER_BATCH
 * due tickets with `FOR UPDATE SKIP LOCKED` (the database's clock decides what is due), writes
 * their events to the outbox (payloads built by the database, overdueEvents) and marks them
 * published for their due time (one statement, Outbox.writeWithDerivedEventsInTransaction), in
 * one transaction: a ticket is claimed by one instance, and once committed it no longer matches.
 * A crash before the commit publishes nothing and the next tick claims the ticket again. A full
 * batch is followed by another without waiting for the interval, paced to DUE_SCHEDULER_RATE
 * tickets a second: a backlog drains at that budget (or the database's speed, if lower), leaving
 * the rest to the requests.
 */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OverdueScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  /** Ends the pause between two batches of a backlog early (shutdown). */
  private wakeFromPause?: () => void;

  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly outbox: Outbox,
    private readonly snapshots: TicketSnapshots,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.DUE_SCHEDULER) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.tick(), this.config.DUE_SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  /** Before the ORM closes: no new claim, and the one in progress finishes (or rolls back). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.wakeFromPause?.();
    await this.running;
  }

  /**
   * One tick: claims batches until one comes back short, each full one followed by a pause that
   * keeps to the budget of tickets per second. A tick still running when the next is due is not doubled.
   */
  tick(): Promise<void> {
    this.running ??= (async () => {
      try {
        while (!this.stopped) {
          const started = Date.now();
          const claimed = await this.publishBatch();
          if (claimed < this.config.DUE_SCHEDULER_BATCH) break;
          await this.pause(started, claimed);
        }
      } catch (error) {
        this.logger.warn(`overdue scheduler: ${(error as Error).message}`);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Waits until a batch of `claimed` started at `started` has had its share of the budget (none without one, or once stopped). */
  private async pause(started: number, claimed: number): Promise<void> {
    const perSecond = this.config.DUE_SCHEDULER_RATE;
    const wait = perSecond > 0 ? started + (claimed * 1000) / perSecond - Date.now() : 0;
    if (wait <= 0 || this.stopped) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, wait);
      this.wakeFromPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeFromPause = undefined;
  }

  /** Claims the due tickets, publishes their events and marks them, in one transaction; returns how many it claimed. */
  async publishBatch(): Promise<number> {
    const claimed = await this.em.fork().transactional(async (em) => {
      const tickets = (await ormRunner(em).query<ClaimedRow>(claimOverdue(this.config.DUE_SCHEDULER_BATCH))).map(
        (r) => ({ id: r.id, creatorId: r.creator_id, assigneeId: r.assignee_id, customerId: r.customer_id }),
      );
      if (tickets.length === 0) return 0;
      const names = await this.snapshots.names(tickets);
      const ids = tickets.map((t) => t.id);
      // The marks and the events in one statement, the payloads built by the database from the rows.
      await this.outbox.writeWithDerivedEventsInTransaction(
        em,
        markOverdue(ids),
        TicketOverdueEvent,
        overdueEvents(ids, names),
      );
      return tickets.length;
    });
    // After the commit: the dispatchers deliver the events now, not at their next poll.
    if (claimed > 0) this.outbox.committed();
    return claimed;
  }
}

interface ClaimedRow {
  id: string;
  creator_id: string;
  assignee_id: string;
  customer_id: string;
}
