#!/usr/bin/env node
// Proves the embedded-PostgreSQL bootstrap's behaviours against its compiled output, in a
// throw-away data folder. Run it as root and as a normal user:
//
//   npx tsc -p backend/tsconfig.app.json && node backend/test/embedded-postgres.check.mjs
//   node backend/test/embedded-postgres.check.mjs path/to/compiled/embedded-postgres/index.js
//
// Prints `N passed, M failed` and exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modulePath = path.resolve(process.argv[2] ?? path.join(root, 'dist/backend/database/embedded-postgres/index.js'));
if (!fs.existsSync(modulePath)) {
  console.error(
    `${modulePath} does not exist: build first (npx tsc -p backend/tsconfig.app.json) or pass the compiled file.`,
  );
  process.exit(2);
}
const { startEmbeddedPostgres, resolveDatabase } = require(modulePath);
const { Client } = require(require.resolve('pg', { paths: [root] }));

const verbose = process.env.CHECK_VERBOSE === '1';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-check-')); // 0700: exercises the o+x fix as root
const dataDir = path.join(scratch, 'data');
const port = await freePort();
const running = new Set(); // handles to stop if a check fails half-way
const children = new Set();
let passed = 0;
let failed = 0;

function startLogged(extra = {}) {
  const lines = [];
  const log = (line) => {
    lines.push(line);
    if (verbose) console.log(`    | ${line}`);
  };
  return startEmbeddedPostgres({ dataDir, port, database: 'check_db', log, ...extra }).then((db) => {
    running.add(db);
    return { db, lines };
  });
}

async function stop(db) {
  await db.stop();
  running.delete(db);
}

async function check(name, fn, deadlineMs = 90_000) {
  const started = Date.now();
  let timer;
  try {
    await Promise.race([
      fn(),
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no result within ${deadlineMs / 1000} s`)), deadlineMs)),
      ),
    ]);
    passed++;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(
      `FAIL ${name}\n     ${String(error?.stack ?? error)
        .split('\n')
        .join('\n     ')}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function query(url, sql, params) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function answers(url) {
  try {
    await query(url, 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}

function alive(pid) {
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

function postmasterPid() {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function waitFor(predicate, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A separate node process that starts the server on the same folder, like a second `npm start`. */
async function startOwnerProcess() {
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

function exitOf(child) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve));
}

/** A PID that is certainly not running any more. */
async function deadPid() {
  const child = spawn(process.execPath, ['-e', '']);
  await exitOf(child);
  return child.pid;
}

console.log(
  `Checking ${path.relative(process.cwd(), modulePath) || modulePath} in ${scratch} on port ${port}${process.getuid?.() === 0 ? ' (as root)' : ''}`,
);

await check('DATABASE_URL set: passes it through and starts nothing', async () => {
  const url = 'postgres://someone@db.example:5432/app';
  const db = await resolveDatabase({ DATABASE_URL: url }, { dataDir: path.join(scratch, 'unused') });
  assert(db.url === url && db.embedded === false, `got ${JSON.stringify(db)}`);
  await db.stop();
  assert(!fs.existsSync(path.join(scratch, 'unused')), 'a data folder was created');
});

await check('first start: creates a UTF8 cluster and the database, on 127.0.0.1 only', async () => {
  const { db, lines } = await startLogged();
  assert(db.embedded === true, 'embedded should be true');
  assert(db.url === `postgres://postgres:postgres@127.0.0.1:${port}/check_db`, `unexpected url ${db.url}`);
  const [row] = await query(
    db.url,
    "SELECT current_database() AS db, current_setting('server_encoding') AS enc, current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets",
  );
  assert(row.db === 'check_db', `connected to ${row.db}`);
  assert(row.enc === 'UTF8', `server_encoding is ${row.enc}`);
  assert(row.listen === '127.0.0.1' && row.sockets === '', `listens on ${row.listen}, sockets "${row.sockets}"`);
  assert(
    lines.some((l) => l.includes('Creating a PostgreSQL cluster')),
    'did not log the cluster creation',
  );
  if (process.getuid?.() === 0) {
    const owner = Number(
      (await import('node:child_process')).execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }),
    );
    assert(fs.statSync(dataDir).uid === owner, 'data folder is not owned by the postgres user');
  }
  await query(db.url, 'CREATE TABLE kept (note text)');
  await query(db.url, 'INSERT INTO kept VALUES ($1)', ['from run 1 — ünïcödé']);
  await stop(db);
});

await check('stop is clean and idempotent', async () => {
  const { db } = await startLogged();
  const pid = postmasterPid();
  await Promise.all([db.stop(), db.stop()]);
  await db.stop();
  running.delete(db);
  assert(!alive(pid), `postmaster ${pid} still running`);
  assert(!fs.existsSync(path.join(dataDir, 'postmaster.pid')), 'postmaster.pid left behind');
  assert(!(await answers(db.url)), 'server still answers');
});

await check('second start reuses the data of the first', async () => {
  const version = fs.statSync(path.join(dataDir, 'PG_VERSION')).mtimeMs;
  const { db, lines } = await startLogged();
  const rows = await query(db.url, 'SELECT note FROM kept');
  assert(rows.length === 1 && rows[0].note === 'from run 1 — ünïcödé', `rows: ${JSON.stringify(rows)}`);
  assert(!lines.some((l) => l.includes('Creating a PostgreSQL cluster')), 'initialised the cluster again');
  assert(fs.statSync(path.join(dataDir, 'PG_VERSION')).mtimeMs === version, 'PG_VERSION was rewritten');
  await stop(db);
});

await check('a missing database is created on an existing cluster', async () => {
  const { db, lines } = await startLogged({ database: 'another_db' });
  const [row] = await query(db.url, 'SELECT current_database() AS db');
  assert(row.db === 'another_db', `connected to ${row.db}`);
  assert(
    lines.some((l) => l.includes('Created database "another_db"')),
    'did not log the creation',
  );
  await stop(db);
});

await check(
  'stale postmaster.pid naming a dead PID: removed, server starts',
  async () => {
    const pid = await deadPid();
    fs.writeFileSync(
      path.join(dataDir, 'postmaster.pid'),
      `${pid}\n${dataDir}\n1700000000\n${port}\n\n127.0.0.1\n  1234  5678\nready   \n`,
    );
    const { db, lines } = await startLogged();
    assert(
      lines.some((l) => l.includes(`PID ${pid} is no longer running`)),
      `did not log the stale pid: ${lines.join(' / ')}`,
    );
    assert((await query(db.url, 'SELECT note FROM kept')).length === 1, 'data lost');
    await stop(db);
  },
  30_000,
);

await check(
  'stale postmaster.pid naming a PID now used by another program: removed, server starts',
  async () => {
    const other = spawn('sleep', ['60']);
    children.add(other);
    try {
      fs.writeFileSync(
        path.join(dataDir, 'postmaster.pid'),
        `${other.pid}\n${dataDir}\n1700000000\n${port}\n\n127.0.0.1\n  1234  5678\nready   \n`,
      );
      const { db, lines } = await startLogged();
      assert(
        lines.some((l) => l.includes(`PID ${other.pid}, which is now another process`)),
        `did not log it: ${lines.join(' / ')}`,
      );
      assert(alive(other.pid), 'killed an unrelated process');
      await stop(db);
    } finally {
      other.kill('SIGKILL');
    }
  },
  30_000,
);

await check(
  'killed run: the owner is SIGKILLed, its server keeps running; the next start stops it and starts fresh',
  async () => {
    const { child, url } = await startOwnerProcess();
    const orphan = postmasterPid();
    child.kill('SIGKILL');
    await exitOf(child);
    assert(alive(orphan) && (await answers(url)), 'expected the orphaned server to still be running');

    const began = Date.now();
    const { db, lines } = await startLogged();
    const took = Date.now() - began;
    assert(
      lines.some((l) => l.includes('left behind by a run that ended without stopping it')),
      `did not log the orphan: ${lines.join(' / ')}`,
    );
    assert(!alive(orphan), `orphaned postmaster ${orphan} still running`);
    assert(postmasterPid() !== orphan, 'same postmaster');
    assert((await query(db.url, 'SELECT note FROM kept')).length === 1, 'data lost');
    assert(took < 30_000, `recovery took ${took} ms`);
    await stop(db);
  },
  60_000,
);

await check(
  'killed server: postmaster SIGKILLed too (stale pid, shared memory); the next start recovers',
  async () => {
    const { child } = await startOwnerProcess();
    const pid = postmasterPid();
    child.kill('SIGKILL');
    process.kill(pid, 'SIGKILL');
    await exitOf(child);
    await waitFor(() => !alive(pid), 5_000, 'the postmaster to die');
    const { db, lines } = await startLogged();
    assert(
      lines.some((l) => l.includes(`PID ${pid} is no longer running`)),
      `did not log the stale pid: ${lines.join(' / ')}`,
    );
    assert((await query(db.url, 'SELECT note FROM kept')).length === 1, 'data lost');
    await stop(db);
  },
  60_000,
);

await check(
  'server used by a running process: shared, and left running when the sharer stops',
  async () => {
    const { child, url } = await startOwnerProcess();
    try {
      const pid = postmasterPid();
      const { db, lines } = await startLogged();
      assert(db.url === url, `url ${db.url} differs from the owner's ${url}`);
      assert(
        lines.some((l) => l.includes('sharing it')),
        `did not log the sharing: ${lines.join(' / ')}`,
      );
      assert(postmasterPid() === pid, 'restarted the shared server');
      await stop(db);
      assert(alive(pid) && (await answers(url)), 'stop() of a sharer stopped the server');
    } finally {
      child.kill('SIGTERM');
      await waitFor(
        () => child.exitCode !== null || child.signalCode !== null,
        20_000,
        'the owner to stop and exit by itself',
      );
    }
    assert(child.exitCode === 0, `owner exited with ${child.exitCode ?? child.signalCode}`);
    assert(!fs.existsSync(path.join(dataDir, 'postmaster.pid')), 'the last user did not stop the server');
  },
  60_000,
);

await check(
  'the process that started the server stops first: the server stays up for the sharer, who stops it last',
  async () => {
    const { child, url } = await startOwnerProcess();
    const pid = postmasterPid();
    const { db } = await startLogged();
    child.kill('SIGTERM');
    await waitFor(
      () => child.exitCode !== null || child.signalCode !== null,
      20_000,
      'the owner to exit by itself while the server stays up',
    );
    assert(alive(pid) && (await answers(url)), 'the server went away with its starter while still in use');
    assert((await query(db.url, 'SELECT note FROM kept')).length === 1, 'data lost');
    await stop(db);
    assert(!alive(pid), `postmaster ${pid} still running after the last user stopped`);
    assert(!fs.existsSync(path.join(dataDir, 'postmaster.pid')), 'postmaster.pid left behind');
  },
  60_000,
);

await check(
  'two processes starting at the same moment: one starts the server, the other shares it',
  async () => {
    const [a, b] = await Promise.all([startOwnerProcess(), startOwnerProcess()]);
    const pid = postmasterPid();
    assert(a.url === b.url && (await answers(a.url)), 'both should reach the same server');
    a.child.kill('SIGTERM');
    await exitOf(a.child);
    assert(alive(pid) && (await answers(b.url)), 'server stopped while the other still used it');
    b.child.kill('SIGTERM');
    await exitOf(b.child);
    await waitFor(() => !alive(pid), 20_000, 'the server to stop after the last user');
  },
  90_000,
);

await check(
  'a busy port fails fast with a clear error',
  async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      await startLogged({ port: blocker.address().port }).then(
        () => assert(false, 'started on a busy port'),
        (error) =>
          assert(
            /did not start/.test(error.message) && /Address already in use|could not/.test(error.message),
            `unclear error: ${error.message}`,
          ),
      );
    } finally {
      blocker.close();
    }
  },
  30_000,
);

for (const db of running) await db.stop().catch(() => undefined);
for (const child of children) child.kill('SIGKILL');
if (failed === 0) fs.rmSync(scratch, { recursive: true, force: true });
else console.log(`Left ${scratch} for inspection.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
