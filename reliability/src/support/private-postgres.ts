import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface PrivatePostgres {
  url: string;
  /** Stops PostgreSQL (fast shutdown) and waits until it is gone. */
  stop(): Promise<void>;
}

/** A private embedded PostgreSQL on its own data folder and port (never the shared server). */
export async function startPrivatePostgres(dataDir: string, port: number, database: string): Promise<PrivatePostgres> {
  const root = path.resolve(__dirname, '../../..');
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register', path.join(__dirname, 'embedded-postgres-process.ts'), dataDir, String(port), database],
    {
      cwd: root,
      env: { ...process.env, TS_NODE_PROJECT: 'backend/tsconfig.json', TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start in 180 s: ${stderr}`)), 180_000);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
