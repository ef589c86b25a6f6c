import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { withDevSessionSecret } from './config/dev-secret';
import { resolveDatabase } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';

const repoRoot = path.resolve(__dirname, '..', '..');

async function bootstrap(): Promise<void> {
  // Fail fast on bad configuration before starting anything.
  const staticDir = process.env['STATIC_DIR'] ?? path.join(repoRoot, 'dist', 'frontend', 'browser');
  const env = withDevSessionSecret(process.env, path.join(repoRoot, '.data'));
  loadConfig({ ...env, DATABASE_URL: process.env['DATABASE_URL'] ?? 'postgres://placeholder/validated-after-start' });

  const database = await resolveDatabase(process.env, { dataDir: path.join(repoRoot, '.data', 'postgres') });
  if (database.embedded) console.log(`Embedded PostgreSQL is running (data in .data/postgres)`);
  const config = loadConfig({
    ...env,
    DATABASE_URL: database.url,
    STATIC_DIR: existsSync(staticDir) ? staticDir : undefined,
  });

  await runMigrations(config.DATABASE_URL, (line) => console.log(line));
  const built = await createApp(config);
  // No enableShutdownHooks(): Nest would close the app on SIGTERM at once, beside the drain below.
  await built.app.listen(config.PORT, config.HOST);
  const address = built.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`Balanced Workspace is listening on http://localhost:${port} (API under /api, docs at /api/docs)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: shutting down`);
    // built.close() drains for at most SHUTDOWN_DRAIN_MS; closing the outbox and the pools gets a few seconds more.
    const force = setTimeout(() => process.exit(1), config.SHUTDOWN_DRAIN_MS + 5_000);
    force.unref();
    let code = 0;
    try {
      await built.close();
      await database.stop();
    } catch (error) {
      console.error('Shutdown failed:', error);
      code = 1;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Failed to start:', error);
  process.exit(1);
});
