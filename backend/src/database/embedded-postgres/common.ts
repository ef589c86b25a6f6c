// What every part of the embedded server shares: where it listens, who it runs as, its deadlines,
// and small helpers.

export const HOST = '127.0.0.1';
export const USER = 'postgres';
export const PASSWORD = 'postgres';
export const DEFAULT_PORT = 54329;
export const DEFAULT_DATABASE = 'balanced_workspace';
/** Beside postmaster.pid: the processes using the server (see findExistingServer and release). */
export const USERS_FILE = 'embedded-users.json';

export const INITDB_DEADLINE_MS = 120_000;
export const START_DEADLINE_MS = 60_000;
export const SHARE_WAIT_MS = 15_000;
export const FAST_SHUTDOWN_MS = 15_000;
export const IMMEDIATE_SHUTDOWN_MS = 5_000;

export type Log = (line: string) => void;

export function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
