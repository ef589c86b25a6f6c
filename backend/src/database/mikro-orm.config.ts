import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import path from 'node:path';

export interface OrmOptions {
  url: string;
  /** Open no connection (used to build the OpenAPI document without a database). */
  connect?: boolean;
  debug?: boolean;
  poolMax?: number;
  /** Called with every SQL statement the ORM runs (tests count queries per request with it). */
  onQuery?: (sql: string) => void;
}

/** The one MikroORM configuration, used by the app, the tests, the seeders and the CLI. */
export function createOrmConfig(options: OrmOptions) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    entities: ENTITIES,
    extensions: [Migrator],
    connect: options.connect ?? true,
    // The file cache of discovered metadata is shared across processes and breaks under jest; discovery is fast without it.
    metadataCache: { enabled: false },
    debug: options.onQuery ? ['query'] : (options.debug ?? false),
    ...(options.onQuery ? { logger: options.onQuery, colors: false } : {}),
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      silent: true,
      migrationsList: MIGRATIONS,
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, 'migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  });
}

/** For the MikroORM CLI (`npm run db -- migration:create`): reads DATABASE_URL. */
export default createOrmConfig({ url: process.env['DATABASE_URL'] ?? 'postgres://localhost/balanced_workspace' });
