// Who uses the server: `embedded-users.json` in the data folder, changed under a lock file.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { USERS_FILE } from './common';
import { inspectProcess, processStart } from './processes';

export interface User {
  pid: number;
  /** The process' start time (Linux), so a reused PID is not mistaken for a user. */
  start?: string;
  /** One per handle: a process may hold several. */
  id: string;
}

export function join(dataDir: string, me: User): void {
  changeUsers(dataDir, (users) => [...users.filter((u) => u.id !== me.id), me]);
}

/** Removes `me`; returns the users still running. Synchronous: also used in the 'exit' handler. */
export function leave(dataDir: string, me: User): User[] {
  return changeUsers(dataDir, (users) => users.filter((u) => u.id !== me.id));
}

export function liveUsers(dataDir: string): User[] {
  return changeUsers(dataDir, (users) => users);
}

function changeUsers(dataDir: string, change: (users: User[]) => User[]): User[] {
  const file = path.join(dataDir, USERS_FILE);
  return withLock(`${file}.lock`, () => {
    let users: User[] = [];
    try {
      users = (JSON.parse(fs.readFileSync(file, 'utf8')) as { users?: User[] }).users ?? [];
    } catch {
      users = [];
    }
    const next = change(users.filter(isLive));
    if (next.length > 0) {
      fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ users: next }, null, 2)}\n`);
      fs.renameSync(`${file}.tmp`, file);
    } else {
      fs.rmSync(file, { force: true });
    }
    return next;
  });
}

function isLive(user: User): boolean {
  return inspectProcess(user.pid).alive && (user.start === undefined || processStart(user.pid) === user.start);
}

function withLock<T>(lock: string, work: () => T): T {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline)
        fs.rmSync(lock, { force: true }); // left by a killed process
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
