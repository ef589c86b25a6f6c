/**
 * Writes the OpenAPI document to libs/sdk/openapi.json without a database:
 * `node dist/backend/openapi.js [output]`.
 */
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { buildOpenApiDocument } from './platform/http/openapi';

async function main(): Promise<void> {
  const output = process.argv[2] ?? path.resolve(__dirname, '..', '..', 'libs', 'sdk', 'openapi.json');
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://offline/openapi' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { connectDatabase: false }), { logger: false, bodyParser: false });
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
