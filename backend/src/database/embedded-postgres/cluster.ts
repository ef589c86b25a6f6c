// The cluster: created once with initdb, then started as a child process and stopped again.

import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  describe,
  FAST_SHUTDOWN_MS,
  HOST,
  IMMEDIATE_SHUTDOWN_MS,
  INITDB_DEADLINE_MS,
  type Log,
  PASSWORD,
  START_DEADLINE_MS,
  USER,
  withDeadline,
} from './common';
import type { EmbeddedPostgresClass, EmbeddedPostgresInstance } from './library';
import { inspectProcess } from './processes';

export function isCluster(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** initdb into a sibling folder and rename it into place, so a killed initdb never leaves a half-made cluster. */
export async function initialiseCluster(
  EmbeddedPostgres: EmbeddedPostgresClass,
  dataDir: string,
  asRoot: boolean,
  log: Log,
): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} is not empty but is not a PostgreSQL data folder (no PG_VERSION). Move it away, or point EMBEDDED_PG_DIR elsewhere.`,
    );
  }
  removeAbandonedInitFolders(dataDir, log);
  const scratch = `${dataDir}.init-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  log(`Creating a PostgreSQL cluster in ${dataDir} (UTF8, no locale).`);
  const initdb = new EmbeddedPostgres({
    databaseDir: scratch,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: forwardServerOutput(log),
    onError: forwardServerOutput(log),
  });
  try {
    await withDeadline(initdb.initialise(), INITDB_DEADLINE_MS, 'initdb did not finish');
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw new Error(`Creating the PostgreSQL cluster in ${dataDir} failed: ${describe(error)}`);
  }
  try {
    fs.renameSync(scratch, dataDir); // replaces an empty folder
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    if (!isCluster(dataDir)) throw error;
    log(`Another process created the cluster in ${dataDir} at the same moment; using theirs.`);
  }
}

function removeAbandonedInitFolders(dataDir: string, log: Log): void {
  const prefix = `${path.basename(dataDir)}.init-`;
  for (const entry of fs.readdirSync(path.dirname(dataDir))) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || inspectProcess(pid).alive) continue;
    fs.rmSync(path.join(path.dirname(dataDir), entry), { recursive: true, force: true });
    log(`Removed ${entry}, left by an initdb that was killed.`);
  }
}

export async function startServer(
  EmbeddedPostgres: EmbeddedPostgresClass,
  dataDir: string,
  port: number,
  asRoot: boolean,
  log: Log,
): Promise<EmbeddedPostgresInstance> {
  const recent: string[] = [];
  const forward = forwardServerOutput(log, recent);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // TCP on loopback only; no Unix socket (nothing to clash with or leave behind in /tmp).
    postgresFlags: ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='],
    onLog: forward,
    onError: forward,
  });
  log(`Starting embedded PostgreSQL on ${HOST}:${port} (data in ${dataDir}).`);
  try {
    await withDeadline(server.start(), START_DEADLINE_MS, `not ready within ${START_DEADLINE_MS / 1000} s`);
    return server;
  } catch (error) {
    if (server.process) await stopChild(server.process, log);
    const reason = error === undefined ? 'the server exited' : describe(error);
    throw new Error(
      `Embedded PostgreSQL did not start on ${HOST}:${port} (data in ${dataDir}): ${reason}.` +
        (recent.length ? `\nLast output:\n  ${recent.join('\n  ')}` : ''),
    );
  }
}

/** Passes PostgreSQL's output on line by line, prefixed `postgres: `, and keeps the last lines for errors. */
function forwardServerOutput(log: Log, recent: string[] = []): (message: unknown) => void {
  return (message) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      recent.push(trimmed);
      if (recent.length > 15) recent.shift();
      log(`postgres: ${trimmed}`);
    }
  };
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Fast shutdown, then immediate shutdown, then SIGKILL — each with a deadline. */
export async function stopChild(child: ChildProcess, log: Log): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', FAST_SHUTDOWN_MS],
    ['SIGQUIT', IMMEDIATE_SHUTDOWN_MS],
    ['SIGKILL', IMMEDIATE_SHUTDOWN_MS],
  ];
  for (const [signal, ms] of steps) {
    if (!isRunning(child)) return;
    if (signal !== 'SIGINT') log(`PostgreSQL (PID ${child.pid}) did not stop in time; sending ${signal}.`);
    child.kill(signal);
    if (
      await withDeadline(exited, ms, '').then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(`PostgreSQL (PID ${child.pid}) did not exit even after SIGKILL.`);
}
