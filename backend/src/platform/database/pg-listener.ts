import type { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 1000;
const CHANNEL = /^[a-z_][a-z0-9_]*$/;

export interface PgListenerHandlers {
  /** A NOTIFY on the channel (payload '' when none was given). */
  notification(payload: string): void;
  /** LISTEN on the channel is in place (when it is added, at start and after every reconnect). */
  up?(): void;
  /** The connection was lost or could not be made; it is retried every second. */
  down?(reason: string): void;
}

/**
 * One dedicated connection that LISTENs on any number of channels and reconnects by itself (every
 * second) when it is lost or cannot be made. The instance has one (Notifications): the outbox
 * dispatcher, the live streams and the token cache share it.
 */
export class PgListener {
  private client?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private stopped = true;
  private connecting?: Promise<void>;
  private readonly channels = new Map<string, Set<PgListenerHandlers>>();

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly connectTimeoutMs = 3000,
  ) {}

  /**
   * Adds handlers for a channel; connects on first use. Resolves once LISTEN is in place or the
   * attempt failed (failures are retried). Returns the function that removes the handlers.
   */
  async add(channel: string, handlers: PgListenerHandlers): Promise<() => void> {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const known = this.channels.get(channel);
    const set = known ?? new Set<PgListenerHandlers>();
    set.add(handlers);
    this.channels.set(channel, set);
    const remove = () => set.delete(handlers);
    if (this.stopped) {
      this.stopped = false;
      this.connecting = this.connect();
    }
    await this.connecting;
    if (this.client && !known) {
      try {
        await this.client.query(`LISTEN ${channel}`);
      } catch {
        return remove; // the connection is going away: the reconnect LISTENs on every channel
      }
    }
    if (this.client) handlers.up?.();
    return remove;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private each(fn: (h: PgListenerHandlers) => void, channel?: string): void {
    const sets = channel ? [this.channels.get(channel) ?? new Set()] : [...this.channels.values()];
    for (const set of sets) for (const handlers of set) fn(handlers);
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
      if (wasUp) this.logger.warn(`LISTEN lost its connection: ${reason}`);
      this.each((h) => h.down?.(reason));
      this.scheduleReconnect();
    };
    client.on('notification', (message) => this.each((h) => h.notification(message.payload ?? ''), message.channel));
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.each((h) => h.up?.());
    } catch (error) {
      this.logger.warn(`LISTEN could not connect: ${(error as Error).message}; retrying`);
      await client.end().catch(() => undefined);
      lost((error as Error).message);
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connecting = this.connect();
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }
}
