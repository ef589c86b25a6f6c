import { createApiToken } from '@bw/sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bw, NodeProcess } from './support/node-process';
import { freePort } from './support/child-server';
import { customerOf, person } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';
import { frame, open, problem, SseServer, until } from './support/sse-server';

const at = '2026-01-01T00:00:00.000Z';

describe('bw events (against a small SSE server)', () => {
  let sse: SseServer;
  let home: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    sse = await SseServer.start();
    home = mkdtempSync(path.join(tmpdir(), 'bw-events-'));
    env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), BW_URL: sse.url, BW_TOKEN: 'tok' };
  });
  afterAll(async () => {
    await NodeProcess.stopAll();
    await sse.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('prints one {id, event, data} line per event and ends on SIGINT with exit 0', async () => {
    const created = { ticketId: 't1', ticket: { id: 't1', title: 'Printer' }, actor: null, at };
    const presence = { ticketId: 't1', user: { id: 'u2', username: 'sam' }, state: 'editing' };
    sse.answer((c) => open(c, `: ping\n\n${frame('ticket.created', created, 'x-1')}${frame('presence', presence)}`));
    const p = bw(['events'], env);
    await p.untilLines(2);
    expect(p.json).toEqual([
      { id: 'x-1', event: 'ticket.created', data: created },
      { id: null, event: 'presence', data: presence },
    ]);
    expect((await sse.connection(1)).headers).toMatchObject({ authorization: 'Bearer tok' });
    p.signal('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.stderr).toBe('');
    await until(() => sse.connections[0]?.closed === true, 'the stream to close');
  });

  it('resumes with --since and after a lost connection (a note on stderr), and ends on SIGTERM with exit 0', async () => {
    sse.answer(
      (c) => {
        open(c, `retry: 1\n\n${frame('ticket.closed', { ticketId: 't1', actor: null, at }, 'y-2')}`);
        c.res.end();
      },
      (c) => open(c, frame('ticket.reopened', { ticketId: 't1', actor: null, at }, 'y-3')),
    );
    const p = bw(['events', '--since', 'y-1', '--json'], env);
    await p.untilLines(2);
    expect(p.json).toMatchObject([{ id: 'y-2' }, { id: 'y-3' }]);
    expect(sse.connections.map((c) => c.headers['last-event-id'])).toEqual(['y-1', 'y-2']);
    expect(p.stderr).toMatch(/^bw: stream lost \(ended\); reconnecting after y-2 in \d+\.\d s…\nbw: reconnected\.\n$/);
    p.signal('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('exits 1 with the problem on a 401, and when the server cannot be reached', async () => {
    sse.answer((c) => problem(c, 401, 'UNAUTHENTICATED'));
    const refused = bw(['events'], env);
    expect(await refused.exited).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('Error: UNAUTHENTICATED detail (401 UNAUTHENTICATED)\n');
    expect(sse.connections).toHaveLength(1);

    const nowhere = bw(['events'], { ...env, BW_URL: `http://127.0.0.1:${await freePort()}` });
    expect(await nowhere.exited).toBe(1);
    expect(nowhere.stderr).toContain('cannot reach the server');
  });

  it.each([
    [['events', 'extra'], 'Unexpected argument "extra"'],
    [['events', '--since'], "Option '--since <value>' argument missing"],
    [['events', '--since', ' '], '--since needs an event id'],
    [['events', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 on bad usage: bw %j', async (args, message) => {
    const p = bw(args, env);
    expect(await p.exited).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toContain(message);
  });

  it('exits 2 when not logged in, and shows its help with exit 0', async () => {
    const { BW_TOKEN: _none, ...anonymous } = env;
    const p = bw(['events'], anonymous);
    expect(await p.exited).toBe(2);
    expect(p.stderr).toContain('Not logged in');
    const help = bw(['events', '--help'], env);
    expect(await help.exited).toBe(0);
    expect(help.stdout).toMatch(/^Usage: bw events \[options\]\n/);
    expect(help.stdout).toContain('--since <id>');
  });
});

describe('bw events against the real server', () => {
  let server: TestServer;
  let home: string;

  beforeAll(async () => {
    server = await startTestServer();
    home = mkdtempSync(path.join(tmpdir(), 'bw-events-'));
  });
  afterAll(async () => {
    await NodeProcess.stopAll();
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('prints ticket.created after bw tickets create, and --since replays what was missed', async () => {
    const p = await person(server.baseUrl, 'tail');
    const token = (await createApiToken({ client: p.s.client, body: { name: 'tail' }, throwOnError: true })).data.token;
    const customer = await customerOf(p);
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), BW_URL: server.baseUrl, BW_TOKEN: token };
    const create = async (title: string) => {
      const made = bw(['tickets', 'create', '--title', title, '--customer', customer.id, '--json'], env);
      expect(await made.exited).toBe(0);
      return JSON.parse(made.stdout) as { id: string; title: string };
    };

    // An unknown id gets reset once the stream is registered: after it, no change can be missed.
    const tail = bw(['events', '--since', 'not-an-id'], env);
    await tail.untilLines(1);
    expect(tail.json).toEqual([{ id: null, event: 'reset', data: {} }]);
    const first = await create('Tail me');
    await tail.untilLines(2);
    const created = tail.json[1] as {
      id: string;
      event: string;
      data: { ticketId: string; ticket: { title: string } };
    };
    expect(created).toMatchObject({ id: expect.stringMatching(/^\d+-\d+$/), event: 'ticket.created' });
    expect(created.data).toMatchObject({ ticketId: first.id, ticket: { title: 'Tail me' }, actor: { id: p.user.id } });
    tail.signal('SIGINT');
    expect(await tail.exited).toBe(0);
    expect(tail.stderr).toBe('');

    const missed = await create('Made while nobody listened');
    const resumed = bw(['events', '--since', created.id], env);
    await resumed.untilLines(1);
    expect(resumed.json[0]).toMatchObject({ event: 'ticket.created', data: { ticketId: missed.id } });
    resumed.signal('SIGINT');
    expect(await resumed.exited).toBe(0);
  });
});
