// Running as root: PostgreSQL refuses to, so the server runs as the `postgres` system user, which
// must be able to reach the data folder and the binaries.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Log, USER } from './common';

export interface Ids {
  uid: number;
  gid: number;
}

export function prepareForRoot(dataDir: string, nativeDir: string, log: Log): Ids {
  const ids = ensurePostgresUser(log);
  makeTraversable(path.dirname(dataDir), log);
  makeTraversable(nativeDir, log);
  makeReadable(nativeDir, log);
  return ids;
}

function ensurePostgresUser(log: Log): Ids {
  const lookup = (): Ids => ({
    uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: 'pipe' }).trim()),
    gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: 'pipe' }).trim()),
  });
  try {
    return lookup();
  } catch {
    log(`Running as root: creating the system user "${USER}" to run PostgreSQL as.`);
    try {
      execFileSync('groupadd', ['-f', USER], { stdio: 'pipe' });
      execFileSync('useradd', ['-g', USER, '-M', '-s', '/usr/sbin/nologin', USER], { stdio: 'pipe' });
      return lookup();
    } catch (error) {
      throw new Error(
        `PostgreSQL cannot run as root and creating the "${USER}" user failed (${String(error)}). Create it, or run as a normal user.`,
      );
    }
  }
}

/** Gives others the execute (search) bit on `dir` and every folder above it that lacks it. */
function makeTraversable(dir: string, log: Log): void {
  for (let current = dir; ; current = path.dirname(current)) {
    const mode = fs.statSync(current).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(current, mode | 0o001);
      log(`Running as root: made ${current} traversable (o+x) for the "${USER}" user.`);
    }
    if (path.dirname(current) === current) return;
  }
}

/** The binaries, libraries and share files must be readable by the `postgres` user. */
function makeReadable(nativeDir: string, log: Log): void {
  const sentinels = ['.', 'bin', 'lib', 'share', 'bin/postgres', 'bin/initdb'].map((p) => path.join(nativeDir, p));
  if (sentinels.every((p) => (fs.statSync(p).mode & 0o005) === 0o005)) return;
  const walk = (p: string): void => {
    const stat = fs.statSync(p);
    const mode = stat.mode & 0o7777;
    const wanted = stat.isDirectory() || mode & 0o100 ? mode | 0o005 : mode | 0o004;
    if (wanted !== mode) fs.chmodSync(p, wanted);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
  };
  walk(nativeDir);
  log(`Running as root: made ${nativeDir} readable for the "${USER}" user.`);
}

export function ensureOwnedBy(dataDir: string, ids: Ids, log: Log): void {
  if (fs.statSync(dataDir).uid === ids.uid) return;
  const walk = (p: string): void => {
    fs.lchownSync(p, ids.uid, ids.gid);
    if (fs.lstatSync(p).isDirectory()) for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
  };
  walk(dataDir);
  log(`Running as root: gave ${dataDir} to the "${USER}" user.`);
}
