// The server's own `postgres` database: the URL of ours, creating it, and waiting for an answer.

import { Client } from 'pg';
import { describe, HOST, type Log, PASSWORD, sleep, USER } from './common';

export function databaseUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

function adminClient(port: number, connectionTimeoutMillis = 10_000): Client {
  const client = new Client({
    host: HOST,
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
    connectionTimeoutMillis,
  });
  client.on('error', () => undefined); // a server shutting down must not crash the process
  return client;
}

export async function ensureDatabase(port: number, database: string, log: Log): Promise<void> {
  const client = adminClient(port);
  try {
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    log(`Created database "${database}".`);
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return; // created concurrently
    throw new Error(`Cannot prepare database "${database}" on ${HOST}:${port}: ${describe(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function answersWithin(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const client = adminClient(port, 2_000);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      await sleep(250);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return false;
}
