import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from './mikro-orm.config';

/** Applies every pending migration (each in a transaction, all or nothing) and closes the connection. */
export async function runMigrations(url: string, log: (line: string) => void = () => undefined): Promise<string[]> {
  const orm = await MikroORM.init(createOrmConfig({ url, poolMax: 2 }));
  try {
    const applied = await orm.getMigrator().up();
    for (const m of applied) log(`migration applied: ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
