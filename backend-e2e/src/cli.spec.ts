import { createApiToken, createSavedView, demoLogin, signup } from '@bw/sdk';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiSession, newUser } from './support/api-session';
import { freePort } from './support/child-server';
import { startTestServer, TestServer } from './support/server';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'cli', 'bin', 'bw.mjs');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bw` as a process with only the environment given (a temporary HOME; no inherited BW_*). */
function bw(args: string[], env: Record<string, string>, input?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('the bw command line', () => {
  let server: TestServer;
  const homes: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  });

  /** A fresh user's HOME (config in $XDG_CONFIG_HOME) and environment. */
  function home(): Record<string, string> {
    const dir = mkdtempSync(path.join(tmpdir(), 'bw-cli-'));
    homes.push(dir);
    return { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), BW_URL: server.baseUrl };
  }
  const configFile = (env: Record<string, string>) =>
    path.join(env['XDG_CONFIG_HOME'], 'balanced-workspace', 'config.json');

  /** Signs a user up and logs `bw` in as it with --email and --password-stdin. */
  async function loggedIn() {
    const credentials = newUser('cli');
    await signup({ client: new ApiSession(server.baseUrl).client, body: credentials, throwOnError: true });
    const env = home();
    const login = await bw(
      ['login', '--email', credentials.email, '--password-stdin'],
      env,
      `${credentials.password}\n`,
    );
    expect(login).toMatchObject({ code: 0, stderr: '' });
    return { env, credentials, login };
  }

  const json = (result: Result) => {
    expect(result).toMatchObject({ code: 0 });
    return JSON.parse(result.stdout);
  };

  it('prints help for bw and for every command, exit 0', async () => {
    const overview = await bw(['--help'], home());
    expect(overview.code).toBe(0);
    const commands = [
      'login',
      'tickets list',
      'tickets show',
      'tickets create',
      'tickets close',
      'tickets reopen',
      'tickets bulk',
      'customers list',
      'customers create',
      'messages list',
      'tokens create',
      'tokens list',
      'tokens revoke',
      'stats',
      'views list',
      'events',
    ];
    for (const command of commands) expect(overview.stdout).toContain(`  ${command} `);
    for (const command of commands) {
      const help = await bw([...command.split(' '), '--help'], home());
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toContain(`Usage: bw ${command}`);
      expect(help.stdout).toContain('--json');
    }
  });

  it.each([
    [[], 'Usage: bw <command>'],
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['tickets'], 'Usage: bw tickets <list|show|create|close|reopen|bulk>'],
    [['tickets', 'explode'], 'Unknown command "tickets explode"'],
    [['tickets', 'list', '--bogus'], "Unknown option '--bogus'"],
    [['tickets', 'list', '--limit', 'many'], '--limit must be a whole number from 1 to 100'],
    [['tickets', 'list', '--max', '5'], '--max goes with --all'],
    [['tickets', 'show'], 'Missing <id>'],
    [['tickets', 'close', 'a', 'b'], 'Unexpected argument "b"'],
    [['tickets', 'create', '--customer', 'x'], '--title is required'],
    [['tickets', 'bulk', 'explode', '--ids', 'x'], 'Unknown action "explode"'],
    [['tickets', 'bulk', 'set_priority', '--ids', 'x'], 'set_priority needs --value'],
    [['tickets', 'bulk', 'close'], '--ids is required'],
    [['customers', 'list'], 'Not logged in'],
    [['login', '--password-stdin'], '--password-stdin needs --email'],
    [['login'], 'stdin is not a terminal'],
  ])('exits 2 on bad usage: bw %j', async (args, message) => {
    const result = await bw(args, home());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('logs in with --demo, stores the token in a 0600 file, and uses it', async () => {
    const env = home();
    const login = json(await bw(['login', '--demo', '--json'], env));
    expect(login).toMatchObject({ url: server.baseUrl, user: { username: 'demo' }, config: configFile(env) });
    expect(statSync(configFile(env)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(configFile(env))).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(readFileSync(configFile(env), 'utf8'));
    expect(stored).toMatchObject({
      url: server.baseUrl,
      token: expect.stringMatching(/\S{20,}/),
      tokenId: login.token.id,
    });
    // The stored URL is used when BW_URL is unset.
    const { BW_URL: _unset, ...withoutUrl } = env;
    const page = json(await bw(['tickets', 'list', '--json', '--limit', '3'], withoutUrl));
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      status: expect.any(String),
    });
    const messages = json(await bw(['messages', 'list', '--json'], env));
    expect(messages.items.length).toBeGreaterThanOrEqual(2);
    expect(messages.items[0]).toMatchObject({ receiver: { username: 'demo' } });
    const table = await bw(['messages', 'list', '--box', 'sent'], env);
    expect(table).toMatchObject({ code: 0 });
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+FROM\s+TO\s+READ\s+SENT\s+BODY$/);
  });

  it('logs in with --email and --password-stdin; a wrong password is an API error (exit 1, detail on stderr)', async () => {
    const { env, credentials, login } = await loggedIn();
    expect(login.stdout).toContain(`Logged in to ${server.baseUrl} as ${credentials.username}`);
    expect(statSync(configFile(env)).mode & 0o777).toBe(0o600);
    const wrong = await bw(['login', '--email', credentials.email, '--password-stdin'], home(), 'not the password\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(/^Error: .+ \(401 INVALID_CREDENTIALS\)\n$/);
  });

  it('creates and lists customers, and shows field errors of a 400 on stderr', async () => {
    const { env } = await loggedIn();
    const created = json(
      await bw(
        [
          'customers',
          'create',
          '--name',
          'Ada Lovelace',
          '--email',
          'ada@example.com',
          '--company',
          'Engines',
          '--json',
        ],
        env,
      ),
    );
    expect(created).toMatchObject({
      id: expect.any(String),
      name: 'Ada Lovelace',
      company: 'Engines',
      version: expect.any(Number),
    });
    const plain = await bw(['customers', 'create', '--name', 'Charles Babbage', '--email', 'charles@example.com'], env);
    expect(plain.stdout).toMatch(/^Created customer \S+: Charles Babbage <charles@example.com>\n$/);
    expect(json(await bw(['customers', 'list', '--json'], env)).items.map((c: { name: string }) => c.name)).toEqual([
      'Charles Babbage',
      'Ada Lovelace',
    ]);
    const table = await bw(['customers', 'list', '--q', 'ada'], env);
    expect(table.stdout).toMatch(
      new RegExp(`^ID\\s+NAME\\s+EMAIL\\s+COMPANY\\n${created.id}\\s+Ada Lovelace\\s+ada@example.com\\s+Engines\\n$`),
    );
    const invalid = await bw(['customers', 'create', '--name', 'X', '--email', 'not-an-email'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/\(400 VALIDATION_FAILED\)\n {2}email: /);
  });

  it("prints the dashboard's figures, and a 400 naming the field for a bad range", async () => {
    const { env } = await loggedIn();
    const figures = json(
      await bw(['stats', '--from', '2026-03-28', '--to', '2026-03-30', '--tz', 'Europe/Berlin', '--json'], env),
    );
    expect(figures).toEqual({
      days: ['2026-03-28', '2026-03-29', '2026-03-30'].map((date) => ({ date, opened: 0, closed: 0 })),
      open: { urgent: 0, high: 0, normal: 0, low: 0 },
      overdue: 0,
      medianMinutesToClose: null,
    });
    const table = await bw(['stats', '--from', '2026-03-29', '--to', '2026-03-29', '--tz', 'UTC'], env);
    expect(table.stdout).toMatch(
      /^DATE\s+OPENED\s+CLOSED\n2026-03-29\s+0\s+0\nOpen:\s+0 \(urgent 0, high 0, normal 0, low 0\)\n/,
    );
    const invalid = await bw(['stats', '--from', '2026-03-02', '--to', '2026-03-01'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/\(400 VALIDATION_FAILED\)\n {2}to: /);
  });

  it('creates tickets with --due and lists the overdue ones, soonest due first, with their due time', async () => {
    const { env } = await loggedIn();
    const customer = json(
      await bw(['customers', 'create', '--name', 'Ada', '--email', 'ada@example.com', '--json'], env),
    );
    const create = async (title: string, due: string) =>
      json(await bw(['tickets', 'create', '--title', title, '--customer', customer.id, '--due', due, '--json'], env));
    const later = await create('Later', '2020-03-01T09:30:00Z');
    const sooner = await create('Sooner', '2020-02-01T09:30:00Z');
    const none = await create('Never', 'none');
    expect([later.dueAt, later.overdue, none.dueAt]).toEqual(['2020-03-01T09:30:00.000Z', true, null]);
    const list = await bw(['tickets', 'list', '--overdue', '--sort', 'due'], env);
    const rows = list.stdout.split('\n').slice(0, 3);
    expect(rows[0]).toMatch(/^ID +STATUS +PRIORITY +DUE +CUSTOMER/);
    expect(rows.slice(1).map((line) => [line.split(/\s{2,}/)[3], line.split(/\s{2,}/).pop()])).toEqual([
      ['2020-02-01 09:30 overdue', 'Sooner'],
      ['2020-03-01 09:30 overdue', 'Later'],
    ]);
    expect((await bw(['tickets', 'show', sooner.id], env)).stdout).toMatch(
      /\ndue: +2020-02-01T09:30:00.000Z \(overdue\)\n/,
    );
  });

  it('creates, lists, shows, closes and reopens tickets; closing twice exits 1 with the problem', async () => {
    const { env } = await loggedIn();
    const customer = json(
      await bw(['customers', 'create', '--name', 'Grace', '--email', 'grace@example.com', '--json'], env),
    );
    const tickets = [];
    for (const title of ['Printer jam', 'VPN down', 'New laptop']) {
      tickets.push(
        json(
          await bw(
            ['tickets', 'create', '--title', title, '--customer', customer.id, '--priority', 'high', '--json'],
            env,
          ),
        ),
      );
    }
    expect(tickets[0]).toMatchObject({
      title: 'Printer jam',
      status: 'open',
      priority: 'high',
      type: 'question',
      customer: { id: customer.id },
    });
    expect(tickets[0].assigneeId).toBe(tickets[0].creator.id); // --assignee defaults to me

    const list = await bw(['tickets', 'list', '--box', 'outgoing'], env);
    expect(
      list.stdout
        .split('\n')
        .slice(1, 4)
        .map((line) => line.split(/\s{2,}/).pop()),
    ).toEqual(['New laptop', 'VPN down', 'Printer jam']);
    const firstPage = json(await bw(['tickets', 'list', '--json', '--limit', '2'], env));
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
    const secondPage = json(
      await bw(['tickets', 'list', '--json', '--limit', '2', '--cursor', firstPage.nextCursor], env),
    );
    expect(secondPage.items.map((t: { title: string }) => t.title)).toEqual(['Printer jam']);
    const all = json(await bw(['tickets', 'list', '--all', '--limit', '1', '--json'], env));
    expect(all).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(all.items.map((t: { id: string }) => t.id)).toEqual([...tickets].reverse().map((t) => t.id));
    expect(
      json(await bw(['tickets', 'list', '--all', '--max', '2', '--limit', '1', '--json'], env)).items,
    ).toHaveLength(2);

    const shown = await bw(['tickets', 'show', tickets[1].id], env);
    expect(shown.stdout).toMatch(/^id: +\S+\ntitle: +VPN down\nstatus: +open\n/);
    expect(json(await bw(['tickets', 'show', tickets[1].id, '--json'], env))).toEqual(tickets[1]);

    const closed = await bw(['tickets', 'close', tickets[1].id], env);
    expect(closed).toMatchObject({ code: 0, stdout: `Closed ticket ${tickets[1].id}: VPN down\n` });
    const again = await bw(['tickets', 'close', tickets[1].id], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^Error: .+ \(409 TICKET_ALREADY_CLOSED\)\n$/);
    expect(json(await bw(['tickets', 'reopen', tickets[1].id, '--json'], env))).toMatchObject({
      id: tickets[1].id,
      status: 'open',
      closedAt: null,
    });
    const missing = await bw(['tickets', 'show', customer.id], env);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('(404 NOT_FOUND)');

    // bulk: one line per ticket, in the order given; any ticket not changed makes the exit code 1.
    const bulkClosed = await bw(['tickets', 'bulk', 'close', '--ids', `${tickets[0].id},${tickets[2].id}`], env);
    expect(bulkClosed).toMatchObject({ code: 0, stderr: '' });
    expect(
      bulkClosed.stdout
        .split('\n')
        .slice(1, 3)
        .map((line) => line.split(/\s{2,}/).slice(0, 2)),
    ).toEqual([
      [tickets[0].id, '200'],
      [tickets[2].id, '200'],
    ]);
    const mixed = await bw(
      ['tickets', 'bulk', 'set_priority', '--value', 'urgent', '--ids', `${tickets[1].id},${customer.id}`, '--json'],
      env,
    );
    expect(mixed.code).toBe(1);
    expect(
      JSON.parse(mixed.stdout).results.map((r: { status: number; ticket?: { priority: string } }) => [
        r.status,
        r.ticket?.priority,
      ]),
    ).toEqual([
      [200, 'urgent'],
      [404, undefined],
    ]);
    expect(mixed.stderr).toBe('Error: 1 of 2 tickets were not changed.\n');
  });

  it('creates, lists and revokes tokens; a revoked token is refused', async () => {
    const { env, credentials } = await loggedIn();
    const created = json(
      await bw(
        ['tokens', 'create', '--name', 'ci', '--email', credentials.email, '--password-stdin', '--json'],
        env,
        `${credentials.password}\n`,
      ),
    );
    expect(created).toMatchObject({ id: expect.any(String), name: 'ci', token: expect.any(String) });
    const plain = await bw(
      ['tokens', 'create', '--name', 'script', '--email', credentials.email, '--password-stdin'],
      env,
      `${credentials.password}\n`,
    );
    expect(plain.stdout).toMatch(/^\S{20,}\n$/); // the token alone, for TOKEN=$(bw tokens create …)
    expect(plain.stderr).toContain('shown only this once');

    const names = (await json(await bw(['tokens', 'list', '--json'], env))).items.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['ci', 'script']));
    expect((await bw(['tokens', 'list'], env)).stdout).toMatch(new RegExp(`\\n${created.id}\\s+ci\\s`));

    expect(await bw(['tokens', 'revoke', created.id], env)).toMatchObject({
      code: 0,
      stdout: `Revoked token ${created.id}\n`,
    });
    expect(json(await bw(['tokens', 'list', '--json'], env)).items.map((t: { id: string }) => t.id)).not.toContain(
      created.id,
    );
    const refused = await bw(['customers', 'list'], { ...env, BW_TOKEN: created.token });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(401 ');
  });

  it('lists saved views with their counts, as a table and as JSON', async () => {
    const credentials = newUser('cliviews');
    const session = new ApiSession(server.baseUrl);
    await signup({ client: session.client, body: credentials, throwOnError: true });
    const env = home();
    const login = await bw(
      ['login', '--email', credentials.email, '--password-stdin'],
      env,
      `${credentials.password}\n`,
    );
    expect(login).toMatchObject({ code: 0, stderr: '' });
    const empty = await bw(['views', 'list'], env);
    expect(empty).toMatchObject({ code: 0, stderr: '' });
    expect(empty.stdout).toContain('ID');
    const view = (
      await createSavedView({
        client: session.client,
        body: { name: 'Urgent open', filters: { status: 'open', priority: ['urgent', 'high'] }, sort: 'priority' },
        throwOnError: true,
      })
    ).data;
    const table = await bw(['views', 'list'], env);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout).toMatch(
      new RegExp(`${view.id}\\s+Urgent open\\s+0\\s+priority\\s+status=open priority=urgent,high`),
    );
    expect(json(await bw(['views', 'list', '--json'], env))).toEqual({
      items: [{ ...view, count: { id: view.id, count: 0, capped: false } }],
    });
  });

  it('lets BW_TOKEN and BW_URL override the stored token and server', async () => {
    const { env } = await loggedIn();
    await bw(['customers', 'create', '--name', 'Mine', '--email', 'mine@example.com'], env);
    const demo = new ApiSession(server.baseUrl);
    await demoLogin({ client: demo.client, throwOnError: true });
    const demoToken = (await createApiToken({ client: demo.client, body: { name: 'override' }, throwOnError: true }))
      .data.token;

    const names = (result: Result) => json(result).items.map((c: { name: string }) => c.name);
    expect(names(await bw(['customers', 'list', '--json'], env))).toEqual(['Mine']);
    expect(
      names(await bw(['customers', 'list', '--json', '--limit', '100'], { ...env, BW_TOKEN: demoToken })),
    ).not.toContain('Mine');

    const nowhere = await bw(['customers', 'list'], { ...env, BW_URL: `http://127.0.0.1:${await freePort()}` });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('cannot reach the server');
  });
});
