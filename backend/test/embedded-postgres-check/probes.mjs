// What the checks observe and do: queries, processes alive or dead, the postmaster's pid, a second
// owner process, and waits with deadlines.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { children, Client, dataDir, modulePath, port } from './harness.mjs';

export async function query(url, sql, params) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function answers(url) {
  try {
    await query(url, 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]);
  } catch {
    return process.platform !== 'linux';
  }
}

export function postmasterPid() {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

export async function waitFor(predicate, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A separate node process that starts the server on the same folder, like a second `npm start`. */
export async function startOwnerProcess() {
  const script = `
    const { startEmbeddedPostgres } = require(process.argv[1]);
    const log = process.env.CHECK_VERBOSE === '1' ? (line) => console.error('    | [pid ' + process.pid + '] ' + line) : undefined;
    startEmbeddedPostgres({ ...JSON.parse(process.argv[2]), log }).then((db) => {
      const idle = setInterval(() => undefined, 1 << 30);
      // Stops and then exits on its own: proves nothing keeps the process alive after stop().
      process.on('SIGTERM', () => db.stop().then(() => clearInterval(idle)));
      process.stdout.write('READY ' + db.url + '\\n');
    }, (error) => { console.error(error); process.exit(1); });`;
  const child = spawn(
    process.execPath,
    ['-e', script, modulePath, JSON.stringify({ dataDir, port, database: 'check_db' })],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  child.on('exit', () => children.delete(child));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`owner process exited early with code ${code}`)));
  });
  return { child, url };
}

export function exitOf(child) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve));
}

/** A PID that is certainly not running any more. */
export async function deadPid() {
  const child = spawn(process.execPath, ['-e', '']);
  await exitOf(child);
  return child.pid;
}
