import { getHealth } from '@bw/sdk';
import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ApiSession } from './api-session';
import { eventually } from './isolated-database';

export interface ChildServer {
  baseUrl: string;
  process: ChildProcess;
  /** What the process wrote to stdout so far (only with `captureStdout`; empty otherwise). */
  stdout(): string;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The real server (backend/src/main.ts) in its own process, so a test can SIGKILL it. */
export async function startChildServer(
  env: Record<string, string>,
  options: { captureStdout?: boolean } = {},
): Promise<ChildServer> {
  const port = await freePort();
  const root = path.resolve(__dirname, '..', '..', '..');
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'backend/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      TS_NODE_PROJECT: 'backend/tsconfig.json',
      TS_NODE_TRANSPILE_ONLY: 'true',
      // Off unless asked for: it would claim other test files' webhook deliveries (shared database).
      WEBHOOK_DISPATCH: 'false',
      ...env,
    },
    stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const probe = new ApiSession(baseUrl);
  await eventually(
    `the child server to answer`,
    async () => {
      if (child.exitCode !== null) throw new Error(`the child server exited with ${child.exitCode}: ${stderr}`);
      return (await getHealth({ client: probe.client }).catch(() => null))?.response?.status === 200;
    },
    90_000,
    200,
  );
  return {
    baseUrl,
    process: child,
    stdout: () => stdout,
    stderr: () => stderr,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}
