// The bench database: created and seeded (or reused at large scale), and the fixtures read from it.
import { benchUserId, SCALES, seed } from '../../tools/seed-scale.mjs';
import { args, dbName, dbUrl, log, ownDb, adminUrl, withClient } from './context.mjs';

export async function prepareDatabase() {
  const scale = SCALES[args.scale];
  if (ownDb) {
    const exists = await withClient(
      adminUrl,
      async (c) => (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount > 0,
    );
    let seeded = false;
    if (exists && !args.reseed && args.scale === 'large') {
      seeded = await withClient(dbUrl, async (c) => {
        const r = await c.query(`select to_regclass('tickets') is not null as ok`);
        if (!r.rows[0].ok) return false;
        const n = await c.query(`select count(*)::int as n from users where id::text like 'b0000000-%'`);
        return n.rows[0].n === scale.users;
      }).catch(() => false);
    }
    if (seeded) {
      log(`reusing ${dbName} (already seeded at scale ${args.scale}; --reseed to rebuild)`);
      return null;
    }
    await withClient(adminUrl, async (c) => {
      if (exists) await c.query(`drop database "${dbName}" with (force)`);
      await c.query(`create database "${dbName}"`);
    });
  }
  log(`seeding ${ownDb ? dbName : 'BENCH_DATABASE_URL'} at scale ${args.scale}`);
  const result = await seed({ url: dbUrl, scale: args.scale, reset: !ownDb, log: (l) => log(l.trim()) });
  log(`seeded in ${result.seconds.toFixed(1)} s`);
  return result;
}

/** Drops the bench's own database after a run, unless --keep-db (a BENCH_DATABASE_URL is never dropped). */
export async function dropOwnDatabase() {
  if (ownDb && !args.keepDb)
    await withClient(adminUrl, (c) => c.query(`drop database if exists "${dbName}" with (force)`));
}

export async function loadFixtures() {
  const U = SCALES[args.scale].users;
  const probe = { creator: U - 2, assignee: U - 1 };
  const loadUsers = Array.from({ length: U - 2 }, (_, n) => n);
  return withClient(dbUrl, async (c) => {
    const ids = loadUsers.map(benchUserId);
    const visible = (
      await c.query(
        `select u.n, t.id from unnest($1::uuid[]) with ordinality u(uid, n)
         cross join lateral (select id from tickets where creator_id = u.uid order by created_at desc, id desc limit 50) t`,
        [ids],
      )
    ).rows.map((r) => ({ user: loadUsers[Number(r.n) - 1], ticket: r.id }));
    const forCreate = (
      await c.query(
        `select u.n, (select id from customers where owner_id = u.uid and deleted_at is null limit 1) as customer_id
         from unnest($1::uuid[]) with ordinality u(uid, n)`,
        [ids],
      )
    ).rows.map((r) => ({
      user: loadUsers[Number(r.n) - 1],
      customerId: r.customer_id,
      assigneeId: benchUserId((loadUsers[Number(r.n) - 1] + 1) % U),
    }));
    // Open tickets to close, newest first, spread over the load users. Each can be closed once.
    const toClose = (
      await c.query(
        `select creator_id, id from tickets where creator_id = any($1::uuid[]) and status <> 'closed' order by created_at desc limit 60000`,
        [ids],
      )
    ).rows.map((r) => ({ user: loadUsers[ids.indexOf(r.creator_id)], ticket: r.id }));
    const probeCustomer = (
      await c.query(`select id from customers where owner_id = $1 and deleted_at is null limit 1`, [
        benchUserId(probe.creator),
      ])
    ).rows[0].id;
    return { visible, forCreate, toClose, probe, probeCustomer };
  });
}
