import type { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 1000;

export interface PgListenerHandlers {
  /** A NOTIFY on the channel (payload '' when none was given). */
  notification(payload: string): void;
  /** LISTEN is in place (at start and after every reconnect). */
  up?(): void;
  /** The connection was lost or could not be made; it is retried every second. */
  down?(reason: string): void;
}

/**
 * One dedicated connection that LISTENs on a channel and reconnects by itself (every second) when
 * it is lost or cannot be made. The outbox dispatcher and the token cache each have one
 * (DatabasePools.listener).
 */
export class PgListener {
  private client?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: PgListenerHandlers,
    private readonly logger: Logger,
    private readonly connectTimeoutMs = 3000,
  ) {}

  /** Connects and listens; resolves once the first attempt is over (failures are retried). */
  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: this.connectTimeoutMs });
    const lost = (reason: string) => {
      // Only the current connection's loss counts (an old one may still report its end).
      if (this.client !== undefined && this.client !== client) return;
      const wasUp = this.client === client;
      this.client = undefined;
      if (this.stopped) return;
      if (wasUp) this.logger.warn(`LISTEN ${this.channel} lost its connection: ${reason}`);
      this.handlers.down?.(reason);
      this.scheduleReconnect();
    };
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.notification(message.payload ?? '');
    });
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.handlers.up?.();
    } catch (error) {
      this.logger.warn(`LISTEN ${this.channel} could not connect: ${(error as Error).message}; retrying`);
      await client.end().catch(() => undefined);
      lost((error as Error).message);
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }
}
