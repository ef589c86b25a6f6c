// The servers under load (the API, the baseline) as child processes, their health and their memory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { root } from './context.mjs';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export const children = new Set();
export function startProcess(name, argv, env) {
  const child = spawn(process.execPath, argv, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (d) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', () => children.delete(child));
  return { child, output: () => output, name };
}
export async function stopProcess(p) {
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const c of children) c.kill('SIGTERM');
    process.exit(130);
  });
}

export async function waitHealthy(base, p, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited (${p.child.exitCode}):\n${p.output()}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${p.name} did not become healthy in ${timeoutMs} ms:\n${p.output()}`);
}

/** Samples VmRSS of a pid every 200 ms; `window()` starts a new max window. */
export function rssSampler(pid) {
  let overall = 0;
  let windowMax = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) {
        const mb = Number(m[1]) / 1024;
        overall = Math.max(overall, mb);
        windowMax = Math.max(windowMax, mb);
        return mb;
      }
    } catch {
      // process gone
    }
    return 0;
  };
  const timer = setInterval(read, 200);
  timer.unref();
  return {
    window() {
      windowMax = read();
    },
    windowMax: () => Math.max(windowMax, read()),
    overall: () => overall,
    stop: () => clearInterval(timer),
  };
}
