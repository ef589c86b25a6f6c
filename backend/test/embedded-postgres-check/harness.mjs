// The check's harness: the compiled module under test, a throw-away data folder and port, the
// handles to clean up, and check()/assert() with the pass and fail counts.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const modulePath = path.resolve(
  process.argv[2] ?? path.join(root, 'dist/backend/database/embedded-postgres/index.js'),
);
if (!fs.existsSync(modulePath)) {
  console.error(
    `${modulePath} does not exist: build first (npx tsc -b backend/tsconfig.app.json) or pass the compiled file.`,
  );
  process.exit(2);
}
export const { startEmbeddedPostgres, resolveDatabase } = require(modulePath);
export const { Client } = require(require.resolve('pg', { paths: [root] }));

export const verbose = process.env.CHECK_VERBOSE === '1';
export const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-check-')); // 0700: exercises the o+x fix as root
export const dataDir = path.join(scratch, 'data');
export const port = await freePort();
export const running = new Set(); // handles to stop if a check fails half-way
export const children = new Set();
let passed = 0;
let failed = 0;

export function startLogged(extra = {}) {
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

export async function stop(db) {
  await db.stop();
  running.delete(db);
}

export async function check(name, fn, deadlineMs = 90_000) {
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

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Stops what is left, removes the folder when everything passed, prints the counts and exits. */
export async function finish() {
  for (const db of running) await db.stop().catch(() => undefined);
  for (const child of children) child.kill('SIGKILL');
  if (failed === 0) fs.rmSync(scratch, { recursive: true, force: true });
  else console.log(`Left ${scratch} for inspection.`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
