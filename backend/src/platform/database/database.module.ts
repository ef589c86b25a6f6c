import { DynamicModule, Global, Module } from '@nestjs/common';
import { DatabasePools } from './pools';
import { QUERY_LOG, QueryLog, ReadPool } from './read-pool';

/** Provides DatabasePools and ReadPool to every module (platform plumbing, like the outbox); `onQuery` sees each read-pool statement. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(onQuery?: QueryLog): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [DatabasePools, ReadPool, ...(onQuery ? [{ provide: QUERY_LOG, useValue: onQuery }] : [])],
      exports: [DatabasePools, ReadPool],
    };
  }
}
