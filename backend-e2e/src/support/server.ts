import type { AddressInfo } from 'node:net';
import { BuiltApp, createApp } from '@bw/backend/app.factory';
import { loadConfig } from '@bw/backend/config/app-config';
import type { AppModuleOptions } from '@bw/backend/app.module';
import { OutboxDispatcher } from '@bw/backend/platform/outbox/outbox-dispatcher.service';

export interface TestServer {
  baseUrl: string;
  /** Every SQL statement the ORM ran, in order (reset it freely). */
  queries: string[];
  app: BuiltApp['app'];
  /** Delivers every pending outbox event now (so background handlers do not run during a measurement). */
  drainOutbox(): Promise<void>;
  close(): Promise<void>;
}

/** Boots the real API on a free port against this run's database (TEST_DATABASE_URL). */
export async function startTestServer(
  env: Record<string, string> = {},
  extraModules: AppModuleOptions['extraModules'] = [],
): Promise<TestServer> {
  const url = env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest with the global setup');
  // Dispatching, webhook delivery and the overdue scheduler are off unless a test asks for them:
  // test files share the database, and a dispatcher would run other files' events in this process
  // (and in this file's query counts); a delivery worker would claim other files' webhook
  // deliveries and fail them under its own (default: https-only) policy.
  // SESSION_SECRET: the run's own, from the global setup, shared with child servers (they inherit it).
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    OUTBOX_DISPATCH: 'false',
    DUE_SCHEDULER: 'false',
    WEBHOOK_DISPATCH: 'false',
    SESSION_SECRET: process.env['SESSION_SECRET'],
    ...env,
  });
  const queries: string[] = [];
  const built = await createApp(config, { onQuery: (line) => queries.push(line), extraModules });
  const server = await built.app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const dispatcher = built.app.get(OutboxDispatcher);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    queries,
    app: built.app,
    drainOutbox: () => dispatcher.drainNow(),
    close: () => built.close(),
  };
}

/** A logged statement without the ORM logger's colour codes. */
export function plainStatement(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\x1B\[\d+m/g, '');
}
