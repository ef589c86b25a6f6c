// Processes by PID: whether one runs (and what it is), when it started, and stopping one.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, FAST_SHUTDOWN_MS, IMMEDIATE_SHUTDOWN_MS, type Log, sleep } from './common';

/** Stops a server this process did not start: fast, then immediate shutdown, then SIGKILL. */
export async function stopProcess(pid: number, log: Log): Promise<void> {
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', FAST_SHUTDOWN_MS],
    ['SIGQUIT', IMMEDIATE_SHUTDOWN_MS],
    ['SIGKILL', IMMEDIATE_SHUTDOWN_MS],
  ];
  for (const [signal, ms] of steps) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new Error(`Cannot stop PostgreSQL (PID ${pid}): ${describe(error)}. Stop it by hand.`);
    }
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (!inspectProcess(pid).alive) {
        log(`Stopped PostgreSQL (PID ${pid}) with ${signal}.`);
        return;
      }
      await sleep(100);
    }
    log(`PostgreSQL (PID ${pid}) did not stop within ${ms / 1000} s of ${signal}.`);
  }
  throw new Error(`PostgreSQL (PID ${pid}) did not exit even after SIGKILL.`);
}

export interface ProcessInfo {
  alive: boolean;
  ppid?: number;
  command: string;
  cwd?: string;
}

/** Whether a process is running (a zombie is not), its parent and its command line. */
export function inspectProcess(pid: number): ProcessInfo {
  const dead: ProcessInfo = { alive: false, command: '' };
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return dead;
  }
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return dead;
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      let cwd: string | undefined;
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        cwd = undefined;
      }
      return { alive: true, ppid: Number(ppid), command, cwd };
    } catch {
      return dead; // exited while we looked
    }
  }
  try {
    const out = execFileSync('ps', ['-o', 'stat=,ppid=,command=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
    const match = /^(\S+)\s+(\d+)\s+(.*)$/.exec(out);
    if (!match || match[1].startsWith('Z')) return dead;
    return { alive: true, ppid: Number(match[2]), command: match[3] };
  } catch {
    return dead;
  }
}

export function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]; // field 22, starttime
  } catch {
    return undefined;
  }
}
