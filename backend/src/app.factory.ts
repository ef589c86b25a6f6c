import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, AppModuleOptions } from './app.module';
import { AppConfig } from './config/app-config';
import { seedDemoWorkspace } from './database/seed/demo-workspace.seeder';
import { PasswordHasher } from './modules/identity';
import { configureApp, createHttpAdapter } from './platform/http/configure-app';
import { RequestDrain } from './platform/http/request-drain';
import { LiveHub } from './platform/live/live-hub.service';
import { OutboxDispatcher } from './platform/outbox/outbox-dispatcher.service';

export interface BuiltApp {
  app: NestFastifyApplication;
  /**
   * Stops accepting connections, lets the requests in flight finish (at most SHUTDOWN_DRAIN_MS),
   * stops the outbox dispatcher (its batches in progress finish), then closes the ORM and the pools.
   */
  close(): Promise<void>;
}

/** Builds the whole API (not yet listening) and seeds the demo workspace. Used by main.ts and the tests. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<BuiltApp> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options),
    createHttpAdapter(config),
    { bodyParser: false, bufferLogs: true },
  );
  const requests = new RequestDrain(app.getHttpAdapter().getInstance());
  await configureApp(app, config);
  await app.init();
  await seedDemoWorkspace(app.get(EntityManager).fork(), app.get(PasswordHasher));
  let closed = false;
  return {
    app,
    async close() {
      if (closed) return;
      closed = true;
      const logger = new Logger('Shutdown');
      const draining = requests.drain(app.getHttpServer(), config.SHUTDOWN_DRAIN_MS);
      // The listening socket is closed now. Live streams never finish by themselves: they end, and their clients reconnect elsewhere.
      app.get(LiveHub).endStreams();
      const cut = await draining;
      if (cut > 0)
        logger.warn(
          `${cut} request(s) still running after SHUTDOWN_DRAIN_MS=${config.SHUTDOWN_DRAIN_MS}: their connections were closed`,
        );
      await app.get(OutboxDispatcher).stop();
      await app.close();
    },
  };
}
