import { EntityManager } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, AppModuleOptions } from './app.module';
import { AppConfig } from './config/app-config';
import { seedDemoWorkspace } from './database/seed/demo-workspace.seeder';
import { PasswordHasher } from './modules/identity';
import { configureApp, createHttpAdapter } from './platform/http/configure-app';

export interface BuiltApp {
  app: NestFastifyApplication;
  /** Stops the server (in-flight requests finish first) and closes everything the app opened. */
  close(): Promise<void>;
}

/** Builds the whole API (not yet listening) and seeds the demo workspace. Used by main.ts and the tests. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<BuiltApp> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), createHttpAdapter(config), { bodyParser: false, bufferLogs: true });
  await configureApp(app, config);
  await app.init();
  await seedDemoWorkspace(app.get(EntityManager).fork(), app.get(PasswordHasher));
  let closed = false;
  return {
    app,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
