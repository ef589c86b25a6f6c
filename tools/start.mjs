#!/usr/bin/env node
// `npm start`: build what changed (Nx caches the rest), then run the API, which also serves the
// built Angular app on the same port. Signals are forwarded so PostgreSQL stops cleanly.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(
    path.join(root, 'node_modules', '.bin', 'nx'),
    ['run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// V8 grows its heap lazily up to a limit sized from the machine's memory (gigabytes here), so a busy
// API's RSS climbs long after its live data stopped growing. A bound keeps it where the live data is
// (API_HEAP_MB, default 192; NODE_OPTIONS with --max-old-space-size wins).
const heapMb = Number(process.env.API_HEAP_MB ?? 192);
const heap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${heapMb}`];
const server = spawn(
  process.execPath,
  ['--enable-source-maps', ...heap, path.join(root, 'dist', 'backend', 'main.js')],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
