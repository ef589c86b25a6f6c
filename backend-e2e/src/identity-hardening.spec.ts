import { getMe, signup } from '@bw/sdk';
import { PasswordHasher } from '@bw/backend/modules/identity';
import { Client } from 'pg';
import { ApiSession, newUser } from './support/api-session';
import { fields } from './support/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from './support/isolated-database';
import { startTestServer, TestServer } from './support/server';

jest.setTimeout(90_000);

/**
 * Sign-up under load and races (issue 11, items 4 and 6): a sign-up either succeeds whole (201 and
 * a session) or creates nothing, and a unique-index race names the field that clashed.
 */
let db: IsolatedDatabase;
let server: TestServer;
beforeAll(async () => {
  // A database of its own: the tests lock tables and install a trigger.
  db = await isolatedDatabase();
  server = await startTestServer({
    DATABASE_URL: db.url,
    PASSWORD_HASH_CONCURRENCY: '1',
    PASSWORD_HASH_QUEUE_MAX: '3',
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const usersWithEmail = async (email: string) =>
  (await db.query<{ id: string }>('select id from users where email = $1', [email.toLowerCase()])).length;
const sessionsOf = async (userId: string) =>
  (await db.query<{ sid: string }>(`select sid from session where sess->>'userId' = $1`, [userId])).length;

/** Holds `lock table <table> in <mode> mode` in a transaction of its own until `release`. */
async function lockTable(table: string, mode: string) {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table "${table}" in ${mode} mode`);
  return {
    release: async () => {
      await client.query('commit');
      await client.end();
    },
  };
}
/** Backends of this database waiting for a lock while running a statement that starts with `prefix`. */
async function waitingOnLock(prefix: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike $1`,
    [`${prefix}%`],
  );
  return rows[0].n;
}

describe('a sign-up race decided by the unique indexes', () => {
  // Both sign-ups pass the pre-check; the users table is held in SHARE mode (reads pass, inserts
  // wait) until both inserts are waiting, so the unique index decides between them every time.
  async function race(a: ReturnType<typeof newUser>, b: ReturnType<typeof newUser>) {
    const lock = await lockTable('users', 'share');
    let pending: Promise<Awaited<ReturnType<typeof signup<false>>>[]>;
    try {
      pending = Promise.all([a, b].map((body) => signup({ client: new ApiSession(server.baseUrl).client, body })));
      await eventually(
        'both sign-ups waiting to insert',
        async () => (await waitingOnLock('insert into "users"')) === 2,
      );
    } finally {
      await lock.release();
    }
    const results = (await pending).map((res, i) => ({ res, body: [a, b][i] }));
    return results.sort((x, y) => x.res.response.status - y.res.response.status);
  }

  it('names email when two sign-ups with the same email and different usernames race', async () => {
    const a = newUser('emailrace');
    const b = { ...newUser('emailrace'), email: a.email.toUpperCase() };
    const [won, lost] = await race(a, b);
    expect(won.res.response.status).toBe(201);
    expect(lost.res.response.status).toBe(409);
    expect(lost.res.error).toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(fields(lost.res.error)).toEqual(['email']);
    expect(await usersWithEmail(a.email)).toBe(1);
  });

  it('names username when two sign-ups with the same username (another case) race', async () => {
    const a = newUser('namerace');
    const b = { ...newUser('namerace'), username: a.username.toUpperCase() };
    const [won, lost] = await race(a, b);
    expect(won.res.response.status).toBe(201);
    expect(lost.res.response.status).toBe(409);
    expect(lost.res.error).toMatchObject({ code: 'USERNAME_TAKEN' });
    expect(fields(lost.res.error)).toEqual(['username']);
    expect(await usersWithEmail(lost.body.email)).toBe(0);
  });
});

describe('a sign-up writes its user and its session together', () => {
  it('creates nothing when the session cannot be written after the user row (503), and the retry then succeeds', async () => {
    // The session insert fails the way a lost connection does (SQLSTATE 08006), for doomed.* users only.
    await db.query(`create function fail_doomed_sessions() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from users where id = (new.sess->>'userId')::uuid and email like 'doomed.%') then
          raise exception 'session store connection lost (simulated)' using errcode = '08006';
        end if;
        return new;
      end $$`);
    await db.query(
      `create trigger fail_doomed_sessions before insert on session for each row execute function fail_doomed_sessions()`,
    );
    const body = newUser('doomed');
    try {
      const s = new ApiSession(server.baseUrl);
      const res = await signup({ client: s.client, body });
      expect(res.response.status).toBe(503);
      expect(Number(res.response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(s.cookies.has('bw.sid')).toBe(false);
      expect(await usersWithEmail(body.email)).toBe(0);
    } finally {
      await db.query('drop trigger fail_doomed_sessions on session');
      await db.query('drop function fail_doomed_sessions()');
    }
    const again = new ApiSession(server.baseUrl);
    const retry = await signup({ client: again.client, body });
    expect(retry.response.status).toBe(201);
    expect((await getMe({ client: again.client })).data?.user.id).toBe(retry.data!.user.id);
  });
});

describe('a burst of sign-ups beyond the password-hashing queue', () => {
  it('sheds the overflow with 503 + Retry-After before writing anything; every accepted sign-up has a working session', async () => {
    // The single hashing slot is taken until the test opens it, so exactly PASSWORD_HASH_QUEUE_MAX (3) sign-ups can wait.
    const hasher = server.app.get(PasswordHasher);
    let open!: () => void;
    const held = hasher.queue.run(() => new Promise<void>((resolve) => (open = resolve)));
    const bodies = Array.from({ length: 12 }, () => newUser('burst'));
    const sessions = bodies.map(() => new ApiSession(server.baseUrl));
    let answered = 0;
    const pending = Promise.all(
      bodies.map((body, i) => signup({ client: sessions[i].client, body }).finally(() => answered++)),
    );
    try {
      await eventually(
        '3 sign-ups waiting for a hash and 9 answered',
        async () => hasher.queue.waiting === 3 && answered === 9,
      );
      // A login is shed the same way, known email or not, and counts as no failure.
      const login = (email: string) =>
        new ApiSession(server.baseUrl).raw('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'wrong password!' }),
        });
      for (const email of [`nobody.${Date.now()}@example.com`, 'demo@balanced.workspace']) {
        const res = await login(email);
        expect(res.status).toBe(503);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(
        await db.query(
          `select failures from login_throttle where key = 'account:demo@balanced.workspace' and failures > 0`,
        ),
      ).toEqual([]);
    } finally {
      open();
      await held;
    }
    const results = await pending;
    const shed = results.flatMap((r, i) => (r.response.status === 503 ? [i] : []));
    const created = results.flatMap((r, i) => (r.response.status === 201 ? [i] : []));
    expect([created.length, shed.length]).toEqual([3, 9]);
    for (const i of shed) {
      expect(Number(results[i].response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(results[i].error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(sessions[i].cookies.has('bw.sid')).toBe(false);
      expect(await usersWithEmail(bodies[i].email)).toBe(0);
    }
    for (const i of created) {
      const me = await getMe({ client: sessions[i].client });
      expect(me.response.status).toBe(200);
      expect(me.data!.user.id).toBe(results[i].data!.user.id);
      expect(await sessionsOf(me.data!.user.id)).toBe(1);
    }
    // Nothing was left behind: each shed sign-up succeeds when retried.
    for (const i of shed)
      expect((await signup({ client: sessions[i].client, body: bodies[i] })).response.status).toBe(201);
  });
});

describe('the session store pool', () => {
  it('is sized by SESSION_POOL_MAX and gives up after SESSION_POOL_CONNECT_TIMEOUT_MS with 503 + Retry-After', async () => {
    const small = await startTestServer({
      DATABASE_URL: db.url,
      SESSION_POOL_MAX: '1',
      SESSION_POOL_CONNECT_TIMEOUT_MS: '200',
    });
    try {
      const s = new ApiSession(small.baseUrl);
      expect((await signup({ client: s.client, body: newUser('pool') })).response.status).toBe(201);
      // The session table is locked: the first read holds the pool's only connection while it waits.
      const lock = await lockTable('session', 'access exclusive');
      let first: Promise<Awaited<ReturnType<typeof getMe>>>;
      try {
        first = getMe({ client: s.client });
        await eventually(
          'the first session read waiting on the lock',
          async () => (await waitingOnLock('select "sess"')) === 1,
        );
        const second = await getMe({ client: s.client });
        expect(second.response.status).toBe(503);
        expect(Number(second.response.headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        await lock.release();
      }
      expect((await first).response.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
