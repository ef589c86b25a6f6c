import { sql, SqlRunner } from './sql';

/** The cheapest statement: resolves when the database answers (the health check). */
export async function ping(db: SqlRunner): Promise<void> {
  await db.query(sql`select 1`);
}
