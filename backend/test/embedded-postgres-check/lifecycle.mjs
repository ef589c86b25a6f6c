// Start, stop and restart: DATABASE_URL passes through, a cluster is created once, its data reused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assert, check, dataDir, port, resolveDatabase, running, scratch, startLogged, stop } from './harness.mjs';
import { alive, answers, postmasterPid, query } from './probes.mjs';

export async function lifecycleChecks() {
  await check('DATABASE_URL set: passes it through and starts nothing', async () => {
    const url = 'postgres://someone@db.example:5432/app';
    const db = await resolveDatabase({ DATABASE_URL: url }, { dataDir: path.join(scratch, 'unused') });
    assert(db.url === url && db.embedded === false, `got ${JSON.stringify(db)}`);
    await db.stop();
    assert(!fs.existsSync(path.join(scratch, 'unused')), 'a data folder was created');
  });

  await check('first start: creates a UTF8 cluster and the database, on 127.0.0.1 only', async () => {
    const { db, lines } = await startLogged();
    assert(db.embedded === true, 'embedded should be true');
    assert(db.url === `postgres://postgres:postgres@127.0.0.1:${port}/check_db`, `unexpected url ${db.url}`);
    const [row] = await query(
      db.url,
      "SELECT current_database() AS db, current_setting('server_encoding') AS enc, current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets",
    );
    assert(row.db === 'check_db', `connected to ${row.db}`);
    assert(row.enc === 'UTF8', `server_encoding is ${row.enc}`);
    assert(row.listen === '127.0.0.1' && row.sockets === '', `listens on ${row.listen}, sockets "${row.sockets}"`);
    assert(
      lines.some((l) => l.includes('Creating a PostgreSQL cluster')),
      'did not log the cluster creation',
    );
    if (process.getuid?.() === 0) {
      const owner = Number(
        (await import('node:child_process')).execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }),
      );
      assert(fs.statSync(dataDir).uid === owner, 'data folder is not owned by the postgres user');
    }
    await query(db.url, 'CREATE TABLE kept (note text)');
    await query(db.url, 'INSERT INTO kept VALUES ($1)', ['from run 1 — ünïcödé']);
    await stop(db);
  });

  await check('stop is clean and idempotent', async () => {
    const { db } = await startLogged();
    const pid = postmasterPid();
    await Promise.all([db.stop(), db.stop()]);
    await db.stop();
    running.delete(db);
    assert(!alive(pid), `postmaster ${pid} still running`);
    assert(!fs.existsSync(path.join(dataDir, 'postmaster.pid')), 'postmaster.pid left behind');
    assert(!(await answers(db.url)), 'server still answers');
  });

  await check('second start reuses the data of the first', async () => {
    const version = fs.statSync(path.join(dataDir, 'PG_VERSION')).mtimeMs;
    const { db, lines } = await startLogged();
    const rows = await query(db.url, 'SELECT note FROM kept');
    assert(rows.length === 1 && rows[0].note === 'from run 1 — ünïcödé', `rows: ${JSON.stringify(rows)}`);
    assert(!lines.some((l) => l.includes('Creating a PostgreSQL cluster')), 'initialised the cluster again');
    assert(fs.statSync(path.join(dataDir, 'PG_VERSION')).mtimeMs === version, 'PG_VERSION was rewritten');
    await stop(db);
  });

  await check('a missing database is created on an existing cluster', async () => {
    const { db, lines } = await startLogged({ database: 'another_db' });
    const [row] = await query(db.url, 'SELECT current_database() AS db');
    assert(row.db === 'another_db', `connected to ${row.db}`);
    assert(
      lines.some((l) => l.includes('Created database "another_db"')),
      'did not log the creation',
    );
    await stop(db);
  });
}
