/**
 * Writes the OpenAPI document to libs/sdk/openapi.json without a database:
 * `node dist/backend/openapi.js [output]`.
 */
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { createHttpAdapter } from './platform/http/configure-app';
import { buildOpenApiDocument } from './platform/http/openapi';

async function main(): Promise<void> {
  const output = process.argv[2] ?? path.resolve(__dirname, '..', '..', 'libs', 'sdk', 'openapi.json');
  // Nothing is signed while the document is built: a throwaway secret satisfies the config.
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://offline/openapi',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { connectDatabase: false }),
    createHttpAdapter(config),
    { logger: false, bodyParser: false },
  );
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), output)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
