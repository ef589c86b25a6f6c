import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the backend's jest harness (the run's database), not its code
import databaseSetup from '../../../backend/test/global-setup';

/**
 * Builds the SDK package (libs/sdk/dist) and the bw CLI (dist/cli) that sdk-package.spec.ts and
 * cli.spec.ts run, once for the run and through Nx (cached when nothing changed), so two workers
 * never write the same files at once; then creates the run's database (backend/test/global-setup.ts).
 * The build goes first: when it fails, no database is left behind.
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  try {
    await promisify(execFile)(
      path.join(root, 'node_modules', '.bin', 'nx'),
      ['run', 'cli:build', '--outputStyle=static'],
      { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`building the SDK and the CLI failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
  await databaseSetup();
}
