import { createApiToken, LIVE_EVENT_NAMES } from '@bw/sdk';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { customerOf, person, ticketBy } from './support/fixtures';
import { NodeProcess } from './support/node-process';
import { PackedSdk, sdkDir } from './support/packed-sdk';
import { startTestServer, TestServer } from './support/server';
import { frame, open, SseServer } from './support/sse-server';

/**
 * The packed helper against a small SSE server: typed events (a ticket's title through the
 * narrowed data), presence, a reconnect with Last-Event-ID after the server ends the stream, reset.
 */
const eventsProgram = `
  const seen: string[] = [];
  const stream = sdk.liveEvents({ token: process.env.BW_TOKEN });
  for await (const event of stream) {
    if (event.event === 'ticket.created') seen.push(event.data.ticketId + ' ' + (event.data.ticket?.title ?? ''));
    else seen.push(event.event);
    if (seen.length === 3) break;
  }
  console.log(JSON.stringify({ seen, lastEventId: stream.lastEventId, names: sdk.LIVE_EVENT_NAMES.length }));
`;

const at = '2026-01-01T00:00:00.000Z';
const readmeExample = () =>
  /```js live-events\n([\s\S]*?)```/.exec(readFileSync(path.join(sdkDir, 'README.md'), 'utf8'))?.[1] ?? '';

describe('the live-event helper of the packed SDK', () => {
  let sdk: PackedSdk;
  let sse: SseServer;
  let server: TestServer;

  beforeAll(async () => {
    [sse, sdk, server] = await Promise.all([SseServer.start(), PackedSdk.install(), startTestServer()]);
  });
  afterAll(async () => {
    await NodeProcess.stopAll();
    await sse?.close();
    await server?.close();
    sdk?.remove();
  });

  it.each(['esm', 'cjs', 'ts'] as const)(
    'streams typed events from %s, resuming with Last-Event-ID after the server ends the stream',
    async (flavour) => {
      const created = { ticketId: 't1', ticket: { id: 't1', title: 'Printer on fire' }, actor: null, at };
      sse.answer(
        (c) => {
          open(c, `retry: 1\n\n${frame('ticket.created', created, 'p-1')}`);
          c.res.end(frame('presence', { ticketId: 't1', user: { id: 'u', username: 'sam' }, state: 'viewing' }));
        },
        (c) => open(c, 'event: reset\ndata: {}\n\n'),
      );
      const script = await sdk.scriptFor(flavour, `events-${flavour}`, eventsProgram);
      const { stdout } = await sdk.node(script, { BW_URL: sse.url, BW_TOKEN: 'tok' });
      expect(JSON.parse(stdout)).toEqual({
        seen: ['t1 Printer on fire', 'presence', 'reset'],
        lastEventId: 'p-1',
        names: LIVE_EVENT_NAMES.length,
      });
      expect(sse.connections.map((c) => [c.headers.authorization, c.headers['last-event-id']])).toEqual([
        ['Bearer tok', undefined],
        ['Bearer tok', 'p-1'],
      ]);
    },
  );

  it("runs the README's live-events example as written: it prints events until Ctrl-C, then exits 0", async () => {
    const comment = { id: 'c1', body: 'Smoke seen', author: { id: 'u', username: 'sam' }, createdAt: at };
    sse.answer((c) =>
      open(
        c,
        frame('ticket.closed', { ticketId: 't1', ticket: { title: 'Printer on fire' }, actor: null, at }, 'r-1') +
          frame('comment.created', { ticketId: 't1', comment, actor: null, at }, 'r-2') +
          frame('presence', { ticketId: 't1', user: { id: 'u', username: 'sam' }, state: 'editing' }) +
          'event: reset\ndata: {}\n\n',
      ),
    );
    const example = readmeExample();
    expect(example).toContain("from '@balanced-workspace/sdk'");
    writeFileSync(path.join(sdk.project, 'live.mjs'), example);
    const run = new NodeProcess(['live.mjs'], { BW_URL: sse.url, BW_TOKEN: 'tok', LAST_ID: 'r-0' }, sdk.project);
    await run.untilLines(4);
    run.signal('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.lines).toEqual([
      'r-1 ticket.closed Printer on fire',
      'r-2 comment on t1: Smoke seen',
      'sam is editing t1',
      'reset: reload what you keep, then read on',
      'stopped after r-2',
    ]);
    expect(run.stderr).toBe('');
    expect(sse.connections[0]?.headers['last-event-id']).toBe('r-0');
  });

  it("receives ticket.created from the real server after a create, running the README's example", async () => {
    const p = await person(server.baseUrl, 'live');
    const token = (await createApiToken({ client: p.s.client, body: { name: 'live' }, throwOnError: true })).data.token;
    writeFileSync(path.join(sdk.project, 'live.mjs'), readmeExample());
    // An unknown id gets reset once the stream is registered: after it, no change can be missed.
    const env = { BW_URL: server.baseUrl, BW_TOKEN: token, LAST_ID: 'not-an-id' };
    const run = new NodeProcess(['live.mjs'], env, sdk.project);
    await run.untilLines(1);
    expect(run.lines).toEqual(['reset: reload what you keep, then read on']);
    const ticket = await ticketBy(p, await customerOf(p), p.user, { title: 'Live printer fire' });
    await run.untilLines(2);
    const [id] = run.lines[1]?.split(' ') ?? [];
    expect(run.lines[1]).toBe(`${id} ticket.created Live printer fire`);
    expect(id).toMatch(/^\d+-\d+$/);
    run.signal('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.lines.slice(2)).toEqual([`stopped after ${id}`]);
    expect(run.stderr).toBe('');
    expect(ticket.title).toBe('Live printer fire');
  });
});
