// A server that is already running on this folder: shared, or stopped and cleared away.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOST, type Log, SHARE_WAIT_MS } from './common';
import { answersWithin } from './admin';
import { inspectProcess, type ProcessInfo, stopProcess } from './processes';
import { liveUsers } from './users';

export interface SharedServer {
  pid: number;
  port: number;
}

/**
 * Looks at `postmaster.pid`. Returns the server to share when a process that uses it is still
 * running (another `npm start`, a with-db command, a test run) and it answers; otherwise clears
 * the way for a fresh start: a stale file is removed, a server nobody uses any more is stopped.
 */
export async function findExistingServer(dataDir: string, log: Log): Promise<SharedServer | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = fs.readFileSync(pidFile, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) {
    log(`Found an unreadable ${pidFile}; removing it.`);
    fs.rmSync(pidFile, { force: true });
    return undefined;
  }

  const server = inspectProcess(pid);
  if (!server.alive) {
    log(`Found a stale postmaster.pid (PID ${pid} is no longer running, probably a killed run); removing it.`);
    fs.rmSync(pidFile, { force: true });
    return undefined;
  }
  if (!isPostgresServing(server, dataDir)) {
    log(
      `Found postmaster.pid naming PID ${pid}, which is now another process (${server.command.slice(0, 80) || 'unknown'}); removing the stale file.`,
    );
    fs.rmSync(pidFile, { force: true });
    return undefined;
  }

  const users = liveUsers(dataDir);
  if (users.length > 0) {
    log(
      `PostgreSQL (PID ${pid}) is already serving ${dataDir} on port ${port} for running process(es) ${users.map((u) => u.pid).join(', ')}; sharing it.`,
    );
    if (await answersWithin(port, SHARE_WAIT_MS)) return { pid, port };
    log(
      `PostgreSQL (PID ${pid}) did not answer on ${HOST}:${port} within ${SHARE_WAIT_MS / 1000} s; stopping it and starting a fresh server.`,
    );
  } else {
    log(
      `PostgreSQL (PID ${pid}) is still serving ${dataDir} on port ${port}, left behind by a run that ended without stopping it; stopping it and starting a fresh server.`,
    );
  }
  await stopProcess(pid, log);
  fs.rmSync(pidFile, { force: true });
  return undefined;
}

/** The PID of the PostgreSQL serving `dataDir`, if one is running. */
export function serverPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && isPostgresServing(inspectProcess(pid), dataDir) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isPostgresServing(info: ProcessInfo, dataDir: string): boolean {
  if (!/postgres/.test(info.command)) return false;
  if (info.command.includes(dataDir)) return true;
  try {
    return info.cwd !== undefined && info.cwd === fs.realpathSync(dataDir); // the postmaster chdirs into its data folder
  } catch {
    return false;
  }
}
