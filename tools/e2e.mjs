#!/usr/bin/env node
// `npm run e2e`: the browser tests against the real app. Builds backend and frontend, creates a
// fresh database (on DATABASE_URL's server, or an embedded one when unset), starts the built
// server on a free port, runs frontend-e2e in Chromium, then stops everything and drops the database.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const { Client } = require('pg');

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function admin(url, sql) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    run(
      path.join(root, 'node_modules', '.bin', 'nx'),
      ['run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static'],
      { NX_DAEMON: 'false' },
    );
  }
  const { startEmbeddedPostgres, resolveDatabase } = require(
    path.join(root, 'dist', 'backend', 'database', 'embedded-postgres', 'index.js'),
  );
  const server = process.env.DATABASE_URL
    ? await resolveDatabase(process.env)
    : await startEmbeddedPostgres({
        dataDir: path.join(root, '.data', 'postgres-e2e'),
        port: Number(process.env.EMBEDDED_PG_E2E_PORT ?? 54331),
        database: 'postgres',
      });
  const database = `bw_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await admin(server.url, `create database "${database}"`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;

  const port = await freePort();
  const app = spawn(process.execPath, ['--enable-source-maps', 'dist/backend/main.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      PORT: String(port),
      STATIC_DIR: path.join(root, 'dist', 'frontend', 'browser'),
      LOG_LEVEL: 'warn',
    },
  });
  let code = 1;
  try {
    const tests = spawnSync(process.execPath, ['frontend-e2e/run.mjs'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: `http://127.0.0.1:${port}` },
    });
    code = tests.status ?? 1;
  } finally {
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15000))]);
    await admin(server.url, `drop database if exists "${database}" with (force)`).catch((error) =>
      console.error(`could not drop ${database}: ${error.message}`),
    );
    await server.stop();
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
