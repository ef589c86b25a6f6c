import { createCustomer, getHealth } from '@bw/sdk';
import path from 'node:path';
import { runMigrations } from '@bw/backend/database/migrate';
import { Client } from 'pg';
import { ApiSession } from '@bw/testing/api-session';
import { freePort, startChildServer, type ChildServer } from '@bw/testing/child-server';
import { person } from '@bw/testing/fixtures';
import { eventually } from '@bw/testing/isolated-database';
import { recordFigures } from './support/figures';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { setting } from './support/mode';

const OUTAGE_MS = setting('DB_OUTAGE_MS', 4000, 15000);
const OUTAGES = setting('DB_OUTAGES', 1, 3);
/** The API must serve again within this long after PostgreSQL is back. */
const RECOVERY_DEADLINE_MS = 15_000;

jest.setTimeout(10 * 60_000);

/**
 * PostgreSQL restarts under load. NOT the machine's shared server: a private embedded PostgreSQL
 * (own data folder under .data/, own port) that this test stops and starts. While it is down the
 * API answers 503 problem+json and stays up; it recovers by itself; no acknowledged write is lost.
 */
describe('faults: PostgreSQL restarts during a load run', () => {
  const dataDir = path.resolve(__dirname, '../../.data/postgres-reliability');
  let port: number;
  let pg: PrivatePostgres | undefined;
  let child: ChildServer | undefined;
  // startEmbeddedPostgres (backend/src/database/embedded-postgres/) in a helper process of ours.
  const startPg = async () => (pg = await startPrivatePostgres(dataDir, port, 'bw_reliability'));

  beforeAll(async () => {
    port = await freePort();
    await startPg();
    await runMigrations(pg!.url);
  }, 180_000);
  afterAll(async () => {
    await child?.kill('SIGKILL');
    await pg?.stop();
  });

  it('answers 503 while the database is down, recovers by itself, and loses no acknowledged write', async () => {
    child = await startChildServer(
      { DATABASE_URL: pg!.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '200' },
      { captureStdout: true },
    );
    const user = await person(child.baseUrl, 'pgload');
    const acknowledged: string[] = [];
    const byStatus = new Map<number | string, number>();
    const duringOutage = new Map<number | string, number>();
    let down = false;
    let stop = false;
    let badBodies = 0;
    let first401 = '';
    let first500 = '';
    const requestIdsOf500: string[] = [];
    const worker = async (n: number) => {
      let i = 0;
      while (!stop) {
        i++;
        const res = await user.s
          .raw('/api/customers', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: `load ${n}-${i}`, email: `load${n}.${i}@example.com` }),
            signal: AbortSignal.timeout(15_000),
          })
          .catch((e: unknown) => e);
        const status: number | string = res instanceof Response ? res.status : `network:${(res as Error).name}`;
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        if (down) duringOutage.set(status, (duringOutage.get(status) ?? 0) + 1);
        if (res instanceof Response) {
          const text = await res.text();
          if (status === 201) acknowledged.push(JSON.parse(text).id);
          else if (res.status === 500) {
            // Its request id finds the server's own log lines for it (read once the run is over:
            // pino writes asynchronously, so they may not be out yet when the response arrives).
            requestIdsOf500.push(res.headers.get('x-request-id') ?? '');
            if (!first500) first500 = text;
          } else if (res.status === 401 && !first401)
            first401 = `${down ? 'during' : 'outside'} outage: ${text} cookies=${[...user.s.cookies.keys()].join(',')}`;
          else if (res.status >= 400 && !(res.headers.get('content-type') ?? '').startsWith('application/problem+json'))
            badBodies++;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const workers = Promise.all([0, 1, 2].map(worker));
    const recoveries: number[] = [];
    const healthWhileDown: number[] = [];
    try {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      for (let outage = 0; outage < OUTAGES; outage++) {
        down = true;
        await pg!.stop();
        const until = Date.now() + OUTAGE_MS;
        while (Date.now() < until) {
          healthWhileDown.push(
            (await getHealth({ client: new ApiSession(child.baseUrl).client }).catch(() => null))?.response?.status ??
              -1,
          );
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        if (child.process.exitCode !== null)
          throw new Error(`the API died while PostgreSQL was down:\n${child.stderr().slice(-3000)}`);
        await startPg();
        const back = Date.now();
        await eventually(
          'the API to serve writes again',
          async () => {
            const res = await createCustomer({
              client: user.s.client,
              body: { name: 'probe', email: 'probe@example.com' },
            }).catch(() => null);
            if (res?.response.status === 201) acknowledged.push(res.data!.id);
            return res?.response.status === 201;
          },
          RECOVERY_DEADLINE_MS,
          100,
        ).catch(async (error: Error) => {
          const c = new Client({ connectionString: pg!.url });
          await c.connect();
          const sid = decodeURIComponent(user.s.cookies.get('bw.sid') ?? '')
            .replace(/^s:/, '')
            .split('.')[0];
          const rows = (await c.query('select sid, expire, now() as now from session where sid = $1', [sid])).rows;
          await c.end();
          throw new Error(
            `${error.message}; sid ${sid}; session rows ${JSON.stringify(rows).slice(0, 600)}; API exit code ${child!.process.exitCode}; first 401 ${first401}; statuses ${JSON.stringify(Object.fromEntries(byStatus))}\n${child!.stderr().slice(-3000)}`,
          );
        });
        recoveries.push(Date.now() - back);
        down = false;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    } finally {
      stop = true;
      await workers;
    }

    expect(child.process.exitCode).toBeNull();
    if (first500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const lines = child.stdout().split('\n');
      first500 += requestIdsOf500
        .map(
          (id) =>
            `\n[${id}]\n${lines
              .filter((line) => id && line.includes(id))
              .join('\n')
              .slice(0, 4000)}`,
        )
        .join('');
      first500 += `\nerror lines:\n${lines
        .filter((line) => line.includes('"level":50'))
        .join('\n')
        .slice(0, 6000)}`;
    }
    // While down: 503 problem+json, never a 500 or a dropped connection.
    const outageStatuses = Object.fromEntries(duringOutage);
    expect({ unexpected: Object.keys(outageStatuses).filter((s) => s !== '201' && s !== '503'), first500 }).toEqual({
      unexpected: [],
      first500: '',
    });
    expect(duringOutage.get(503) ?? 0).toBeGreaterThan(0);
    expect(badBodies).toBe(0);
    expect(healthWhileDown.filter((s) => s !== 503 && s !== 200)).toEqual([]);
    expect(healthWhileDown).toContain(503);
    // No acknowledged write lost.
    const client = new Client({ connectionString: pg!.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>('select id from customers where id = any($1::uuid[])', [
        acknowledged,
      ]);
      expect(rows.length).toBe(acknowledged.length);
    } finally {
      await client.end();
    }
    recordFigures('database-restart', {
      outages: OUTAGES,
      outageMs: OUTAGE_MS,
      recoveryMs: recoveries,
      acknowledgedWrites: acknowledged.length,
      statuses: Object.fromEntries(byStatus),
      statusesDuringOutage: outageStatuses,
    });
  });
});
