import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { createOrmConfig } from './database/mikro-orm.config';
import { CustomersModule } from './modules/customers';
import { IdentityModule } from './modules/identity';
import { MacrosModule } from './modules/macros';
import { MessagingModule } from './modules/messaging';
import { StatsModule } from './modules/stats';
import { TicketsModule } from './modules/tickets';
import { WebhooksModule } from './modules/webhooks';
import { OutboxModule } from './platform/outbox/outbox.module';
import { DatabaseModule } from './platform/database/database.module';
import { poolSizes } from './platform/database/pools';
import { ProblemFilter } from './platform/errors/problem.filter';
import { HealthController } from './platform/health/health.controller';
import { HttpConventionsModule } from './platform/http/http-conventions.module';
import { LiveModule } from './platform/live/live.module';
import { LoggingModule } from './platform/logging/logging.module';
import { MetricsModule } from './platform/metrics/metrics.module';

export interface AppModuleOptions {
  /** false: build the module graph without opening a database connection (OpenAPI generation). */
  connectDatabase?: boolean;
  /** Observes every SQL statement the ORM runs (used by tests to count queries per request). */
  onQuery?: (sql: string) => void;
  /** Extra modules to load (tests add probe event handlers this way). */
  extraModules?: Type[];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        MikroOrmModule.forRoot({
          ...createOrmConfig({
            url: config.DATABASE_URL,
            connect: options.connectDatabase ?? true,
            onQuery: options.onQuery,
            poolMax: poolSizes(config).orm,
          }),
          // The request context is a Fastify preHandler hook (platform/http/configure-app), not Nest middleware.
          registerRequestContext: false,
        }),
        OutboxModule,
        DatabaseModule.forRoot(options.onQuery),
        HttpConventionsModule,
        LiveModule,
        MetricsModule,
        IdentityModule,
        CustomersModule,
        TicketsModule,
        MacrosModule,
        WebhooksModule,
        MessagingModule,
        StatsModule,
        ...(options.extraModules ?? []),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
