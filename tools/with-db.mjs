#!/usr/bin/env node
// Runs a command with DATABASE_URL set.
//
//   node tools/with-db.mjs <command> [args...]
//   node tools/with-db.mjs npx mikro-orm migration:up
//
// DATABASE_URL already set: runs the command against it. Unset: starts (or shares) the embedded
// PostgreSQL exactly as `npm start` does (data in EMBEDDED_PG_DIR ?? .data/postgres, port
// EMBEDDED_PG_PORT ?? 54329, database balanced_workspace), runs the command, stops the server
// and exits with the command's exit code. SIGINT/SIGTERM/SIGHUP are passed on to the command.
// Needs the built backend (dist/backend/database/embedded-postgres/index.js): `npx nx build backend`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'backend', 'database', 'embedded-postgres', 'index.js');
const [command, ...args] = process.argv.slice(2);

if (!command) {
  console.error('Usage: node tools/with-db.mjs <command> [args...]');
  process.exit(2);
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let child;
let pendingSignal;
let finishing = false;
for (const signal of signals) {
  process.on(signal, () => {
    if (child) child.kill(signal);
    else pendingSignal = signal; // still starting the database: stop it, then leave
  });
}

let database = { url: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
if (!process.env.DATABASE_URL) {
  if (!existsSync(compiled)) {
    console.error(
      `with-db: ${path.relative(process.cwd(), compiled)} is missing. Build the backend first: npx nx build backend`,
    );
    process.exit(1);
  }
  const { resolveDatabase } = createRequire(import.meta.url)(compiled);
  try {
    database = await resolveDatabase(process.env);
  } catch (error) {
    console.error(
      `with-db: could not start the embedded PostgreSQL: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}

if (pendingSignal) await finish(128 + constants.signals[pendingSignal]);

child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: database.url },
  shell: process.platform === 'win32',
});
child.on('error', (error) => {
  console.error(`with-db: could not run ${command}: ${error.message}`);
  void finish(127);
});
child.on('exit', (code, signal) => void finish(code ?? 128 + (constants.signals[signal] ?? 0)));

async function finish(code) {
  if (finishing) return;
  finishing = true;
  try {
    await database.stop();
  } catch (error) {
    console.error(`with-db: stopping PostgreSQL failed: ${error instanceof Error ? error.message : error}`);
    if (code === 0) code = 1;
  }
  process.exit(code);
}
