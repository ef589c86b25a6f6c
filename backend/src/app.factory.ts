import { EntityManager } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, AppModuleOptions } from './app.module';
import { AppConfig } from './config/app-config';
import { seedDemoWorkspace } from './database/seed/demo-workspace.seeder';
import { PasswordHasher } from './modules/identity';
import { configureApp } from './platform/http/configure-app';

export interface BuiltApp {
  app: NestExpressApplication;
  /** Closes the app and everything configureApp opened. */
  close(): Promise<void>;
}

/** Builds the whole API (not yet listening) and seeds the demo workspace. Used by main.ts and the tests. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<BuiltApp> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bodyParser: false, bufferLogs: true });
  const configured = configureApp(app, config);
  await app.init();
  await seedDemoWorkspace(app.get(EntityManager).fork(), app.get(PasswordHasher));
  let closed = false;
  return {
    app,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await configured.dispose();
    },
  };
}
