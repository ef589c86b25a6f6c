// The entry points: resolveDatabase (DATABASE_URL or the embedded server) and startEmbeddedPostgres,
// which joins a running server or starts one, and the stop() each user gets.

import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureDatabase, databaseUrl } from './admin';
import { ensureOwnedBy, prepareForRoot } from './as-root';
import { initialiseCluster, isCluster, isRunning, startServer, stopChild } from './cluster';
import { DEFAULT_DATABASE, DEFAULT_PORT, HOST, type Log } from './common';
import { findExistingServer, serverPid } from './existing-server';
import { type EmbeddedPostgresInstance, findRepoRoot, loadLibrary } from './library';
import { processStart, stopProcess } from './processes';
import { join, leave, type User } from './users';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

/** DATABASE_URL set -> {url: it, embedded: false, stop: no-op}, starts nothing.
 *  Unset -> embedded server with data in env.EMBEDDED_PG_DIR ?? <repo root>/.data/postgres, port env.EMBEDDED_PG_PORT ?? 54329, database 'balanced_workspace' (created if missing). */
export async function resolveDatabase(
  env: NodeJS.ProcessEnv = process.env,
  defaults: { dataDir?: string; port?: number; database?: string } = {},
): Promise<RunningDatabase> {
  const url = env['DATABASE_URL']?.trim();
  if (url) return { url, embedded: false, stop: async () => undefined };

  const portText = env['EMBEDDED_PG_PORT']?.trim();
  const port = portText ? Number(portText) : (defaults.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a TCP port number, got "${portText}"`);
  }
  return startEmbeddedPostgres({
    dataDir: env['EMBEDDED_PG_DIR']?.trim() || defaults.dataDir || path.join(findRepoRoot(), '.data', 'postgres'),
    port,
    database: defaults.database ?? DEFAULT_DATABASE,
    log: quietConsoleLog,
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const log: Log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const { EmbeddedPostgres, nativeDir } = await loadLibrary();
  const asRoot = process.getuid?.() === 0;

  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const ids = asRoot ? prepareForRoot(dataDir, nativeDir, log) : undefined;

  if (!isCluster(dataDir)) await initialiseCluster(EmbeddedPostgres, dataDir, asRoot, log);
  if (ids) ensureOwnedBy(dataDir, ids, log);

  const me: User = { pid: process.pid, start: processStart(process.pid), id: randomBytes(4).toString('hex') };
  let server: EmbeddedPostgresInstance | undefined;
  for (let attempt = 1; !server; attempt++) {
    // Retried when another process starts or stops a server on this folder at the same moment.
    const retry = (error: unknown, why: string): void => {
      if (attempt >= 3) throw error;
      log(`${why}; checking again.`);
    };
    const existing = await findExistingServer(dataDir, log);
    if (existing) {
      join(dataDir, me);
      try {
        await ensureDatabase(existing.port, options.database, log);
      } catch (error) {
        leave(dataDir, me);
        if (serverPid(dataDir) !== existing.pid) retry(error, 'The shared server stopped while joining it');
        else throw error;
        continue;
      }
      if (existing.port !== options.port)
        log(`Note: that server listens on port ${existing.port}, not ${options.port}.`);
      return {
        url: databaseUrl(existing.port, options.database),
        embedded: true,
        stop: onceWithExitNet(dataDir, me, undefined, log),
      };
    }
    join(dataDir, me); // before starting, so a concurrent start shares this server instead of stopping it
    try {
      server = await startServer(EmbeddedPostgres, dataDir, options.port, asRoot, log);
    } catch (error) {
      leave(dataDir, me);
      if (String(error).includes('postmaster.pid'))
        retry(error, 'Another process started PostgreSQL on this folder at the same moment');
      else throw error;
    }
  }

  const child = server.process as ChildProcess;
  const stop = onceWithExitNet(dataDir, me, child, log);
  try {
    await ensureDatabase(options.port, options.database, log);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Embedded PostgreSQL ready at ${HOST}:${options.port} (PID ${child.pid}, data in ${dataDir}).`);
  return { url: databaseUrl(options.port, options.database), embedded: true, stop };
}

/**
 * An idempotent stop() for one user of the server, plus a safety net: if the process exits
 * without calling it, the user is removed and, when it was the last, the server gets a fast shutdown.
 */
function onceWithExitNet(dataDir: string, me: User, child: ChildProcess | undefined, log: Log): () => Promise<void> {
  const onExit = (): void => {
    try {
      if (leave(dataDir, me).length > 0) return;
      if (child && isRunning(child)) {
        child.kill('SIGINT');
      } else {
        const pid = serverPid(dataDir); // started by a user that has gone since
        if (pid) process.kill(pid, 'SIGINT');
      }
    } catch {
      // best effort while exiting; the next start cleans up whatever is left
    }
  };
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      process.removeListener('exit', onExit);
      await release(dataDir, me, child, log);
    })());
}

/** Removes this user; the last user stops the server, the others leave it running. */
async function release(dataDir: string, me: User, child: ChildProcess | undefined, log: Log): Promise<void> {
  const others = leave(dataDir, me);
  if (others.length > 0) {
    log(
      `Leaving PostgreSQL (data in ${dataDir}) running for ${others.length} other process(es): ${others.map((u) => u.pid).join(', ')}.`,
    );
    if (child) {
      // Let this process exit while the server lives on; the last user stops it.
      child.stderr?.destroy();
      child.stdout?.destroy();
      child.unref();
    }
    return;
  }
  if (child && isRunning(child)) {
    await stopChild(child, log);
  } else {
    const pid = serverPid(dataDir); // started by a user that has gone since
    if (pid) await stopProcess(pid, log);
  }
  log(`Embedded PostgreSQL (data in ${dataDir}) stopped.`);
}

/** For resolveDatabase: our own lines, plus PostgreSQL's warnings and errors; not its chatter. */
function quietConsoleLog(line: string): void {
  if (line.startsWith('postgres: ') && !/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) return;
  process.stderr.write(`[embedded-postgres] ${line}\n`);
}
