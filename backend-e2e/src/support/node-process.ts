import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { until } from './sse-server';

const bin = path.resolve(__dirname, '..', '..', '..', 'cli', 'bin', 'bw.mjs');

/** A Node program running with only the environment given: what it printed so far, and its exit. */
export class NodeProcess {
  private static readonly running = new Set<NodeProcess>();
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[], env: Record<string, string>, cwd?: string) {
    this.child = spawn(process.execPath, args, { cwd, env: { PATH: process.env['PATH'] ?? '', ...env } });
    this.child.stdout.on('data', (chunk) => (this.stdout += chunk));
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code) => {
        NodeProcess.running.delete(this);
        resolve(code);
      });
    });
    NodeProcess.running.add(this);
  }

  /** Kills what is still running (a failed test's leftovers) and waits for it to exit. */
  static async stopAll(): Promise<void> {
    const left = [...NodeProcess.running];
    for (const p of left) p.signal('SIGKILL');
    await Promise.all(left.map((p) => p.exited.catch(() => null)));
  }

  /** The lines printed on stdout so far. */
  get lines(): string[] {
    return this.stdout.split('\n').filter((line) => line !== '');
  }

  /** The stdout lines as JSON. */
  get json(): unknown[] {
    return this.lines.map((line) => JSON.parse(line));
  }

  async untilLines(n: number, timeoutMs = 10_000): Promise<void> {
    await until(() => this.lines.length >= n, `${n} lines on stdout (stderr: ${this.stderr})`, timeoutMs);
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }
}

/** `bw <args>` (the built CLI) as a {@link NodeProcess}. */
export const bw = (args: string[], env: Record<string, string>) => new NodeProcess([bin, ...args], env);
