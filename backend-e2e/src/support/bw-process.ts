import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { until } from './sse-server';

const bin = path.resolve(__dirname, '..', '..', '..', 'cli', 'bin', 'bw.mjs');

/** `bw <args>` as a running process with only the environment given: what it printed so far, and its exit. */
export class Bw {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } });
    this.child.stdout.on('data', (chunk) => (this.stdout += chunk));
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code) => resolve(code));
    });
  }

  /** The JSON lines printed so far. */
  get lines(): unknown[] {
    return this.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
  }

  async untilLines(n: number): Promise<void> {
    await until(() => this.lines.length >= n, `${n} lines on stdout (stderr: ${this.stderr})`, 10_000);
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }
}
