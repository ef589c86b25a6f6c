import {
  closeTicket,
  countUnreadMessages,
  createTrigger,
  deleteCustomer,
  deleteTrigger,
  getTrigger,
  listMessages,
  listTriggers,
  markMessageRead,
  testTrigger,
  updateTicket,
  updateTrigger,
  type CreateTriggerDto,
  type MessageDto,
} from '@bw/sdk';
import { TriggerDelivery } from '@bw/backend/modules/messaging/application/trigger-delivery.service';
import type { TicketEventPayload } from '@bw/backend/modules/tickets';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ApiSession } from './support/api-session';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from './support/isolated-database';
import { plainStatement, startTestServer, TestServer } from './support/server';

let server: TestServer;
let creator: Person;
let assignee: Person;
let watcher: Person;
let stranger: Person;
let db: Client;
let own: IsolatedDatabase;
beforeAll(async () => {
  // A database of its own: this file's dispatcher must not deliver other files' events (its
  // statement counts would see their work).
  own = await isolatedDatabase();
  server = await startTestServer({ DATABASE_URL: own.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '200' });
  [creator, assignee, watcher, stranger] = await Promise.all(
    ['tcreator', 'tassignee', 'twatcher', 'tstranger'].map((p) => person(server.baseUrl, p)),
  );
  db = new Client({ connectionString: own.url });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await server.close();
  await own.drop();
});

const trigger = (overrides: Partial<CreateTriggerDto> = {}): CreateTriggerDto => ({
  name: 'Tell the assignee',
  event: 'ticket.closed',
  recipient: { kind: 'ticket_assignee' },
  message:
    '{{current_user.username}} closed "{{ticket.title}}" for {{customer.name}} ({{ticket.status}}, {{event.name}})',
  ...overrides,
});

async function inbox(s: ApiSession, box: 'inbox' | 'sent' = 'inbox'): Promise<MessageDto[]> {
  return (await listMessages({ client: s.client, query: { box, limit: 100 } })).data!.items;
}

describe('triggers', () => {
  it('are private to their owner', async () => {
    const t = (await createTrigger({ client: creator.s.client, body: trigger() })).data!;
    expect(t).toMatchObject({
      event: 'ticket.closed',
      active: true,
      version: 1,
      ownerId: creator.user.id,
      conditions: {},
    });
    for (const call of [
      getTrigger({ client: stranger.s.client, path: { id: t.id } }),
      updateTrigger({ client: stranger.s.client, path: { id: t.id }, body: { active: false, version: 1 } }),
      deleteTrigger({ client: stranger.s.client, path: { id: t.id } }),
      testTrigger({ client: stranger.s.client, path: { id: t.id }, body: {} }),
    ])
      expect((await call).response.status).toBe(404);
    expect((await listTriggers({ client: stranger.s.client })).data!.items.map((x) => x.id)).not.toContain(t.id);
    expect(
      (await updateTrigger({ client: creator.s.client, path: { id: t.id }, body: { active: false, version: 1 } })).data,
    ).toMatchObject({ active: false, version: 2 });
    expect(
      (await updateTrigger({ client: creator.s.client, path: { id: t.id }, body: { active: true, version: 1 } }))
        .response.status,
    ).toBe(409);
    expect((await deleteTrigger({ client: creator.s.client, path: { id: t.id } })).response.status).toBe(204);
  });

  it.each([
    [{ event: 'customer.deleted', recipient: { kind: 'ticket_creator' }, message: 'x' }, 'recipient.kind'],
    [
      {
        event: 'customer.deleted',
        recipient: { kind: 'user', userId: 'SELF' },
        conditions: { priority: ['high'] },
        message: 'x',
      },
      'conditions.priority',
    ],
    [{ recipient: { kind: 'user' } }, 'recipient.userId'],
    [{ recipient: { kind: 'user', userId: '6f1c1b4e-1111-4a4a-8a8a-123456789abc' } }, 'recipient.userId'],
    [{ recipient: { kind: 'everyone' } }, 'recipient.kind'],
    [{ message: 'Hello {{user.email}}' }, 'message'],
    [
      { event: 'customer.deleted', recipient: { kind: 'user', userId: 'SELF' }, message: 'Ticket {{ticket.title}}' },
      'message',
    ],
    [{ message: '' }, 'message'],
    [{ event: 'ticket.exploded' }, 'event'],
    [{ conditions: { priority: ['asap'] } }, 'conditions.priority'],
  ])('answers 400 naming the field for %j', async (override, field) => {
    const body = JSON.parse(JSON.stringify({ ...trigger(), ...override }).replace('"SELF"', `"${creator.user.id}"`));
    const res = await createTrigger({ client: creator.s.client, body });
    expect(res.response.status).toBe(400);
    expect(fields(res.error)).toEqual([field]);
  });
});

describe('messages from triggers', () => {
  it('sends one message per firing trigger of the creator and the assignee, rendered, checking conditions', async () => {
    const c = await customerOf(creator, { name: 'Grace' });
    const highOnly = (
      await createTrigger({
        client: creator.s.client,
        body: trigger({ name: 'high only', conditions: { priority: ['high', 'urgent'] } }),
      })
    ).data!;
    const assigneesOwn = (
      await createTrigger({
        client: assignee.s.client,
        body: trigger({
          name: 'copy to watcher',
          recipient: { kind: 'user', userId: watcher.user.id },
          message: 'FYI {{ticket.title}}',
        }),
      })
    ).data!;
    const inactive = (
      await createTrigger({ client: creator.s.client, body: trigger({ name: 'inactive', active: false }) })
    ).data!;

    const high = await ticketBy(creator, c, assignee.user, { title: 'Server room hot', priority: 'high' });
    const low = await ticketBy(creator, c, assignee.user, { title: 'Stapler empty', priority: 'low' });
    await closeTicket({ client: assignee.s.client, path: { id: high.id } });
    await closeTicket({ client: assignee.s.client, path: { id: low.id } });

    await eventually('both close events delivered', async () => {
      const { rows } = await db.query(
        `select count(*)::int as n from outbox_events where name = 'ticket.closed' and status = 'done' and payload->'ticket'->>'id' = any($1)`,
        [[high.id, low.id]],
      );
      return rows[0].n === 2;
    });
    const assigneeInbox = (await inbox(assignee.s)).filter((m) => [high.id, low.id].includes(m.ticketId!));
    expect(assigneeInbox).toEqual([
      expect.objectContaining({
        sender: { id: creator.user.id, username: creator.user.username },
        receiver: { id: assignee.user.id, username: assignee.user.username },
        body: `${assignee.user.username} closed "Server room hot" for Grace (closed, ticket.closed)`,
        triggerId: highOnly.id,
        event: 'ticket.closed',
        ticketId: high.id,
        readAt: null,
      }),
    ]);
    const watcherInbox = (await inbox(watcher.s)).filter((m) => m.triggerId === assigneesOwn.id);
    expect(watcherInbox.map((m) => m.body).sort()).toEqual(['FYI Server room hot', 'FYI Stapler empty']);
    expect((await inbox(creator.s, 'sent')).filter((m) => m.triggerId === highOnly.id)).toHaveLength(1);
    expect((await inbox(creator.s, 'sent')).filter((m) => m.triggerId === inactive.id)).toHaveLength(0);
  });

  it('fires on closes through PATCH, and a redelivered event writes no second message', async () => {
    const c = await customerOf(creator);
    const tr = (
      await createTrigger({
        client: creator.s.client,
        body: trigger({ name: 'redelivery', recipient: { kind: 'ticket_creator' }, message: 'closed {{ticket.id}}' }),
      })
    ).data!;
    const t = await ticketBy(creator, c, assignee.user);
    await updateTicket({ client: assignee.s.client, path: { id: t.id }, body: { status: 'closed', version: 1 } });
    const ofTicket = async () => (await inbox(creator.s)).filter((m) => m.triggerId === tr.id && m.ticketId === t.id);
    await eventually('the message', async () => (await ofTicket()).length === 1);

    // Redeliver: once through the emitter directly, once by putting the outbox row back to pending.
    const { rows } = await db.query(
      `select id, name, payload, actor_id, occurred_at from outbox_events where name = 'ticket.closed' and payload->'ticket'->>'id' = $1`,
      [t.id],
    );
    const row = rows[0];
    const redelivered = {
      eventId: row.id,
      name: row.name,
      payload: row.payload,
      actorId: row.actor_id,
      occurredAt: new Date(row.occurred_at).toISOString(),
    };
    await server.app.get(EventEmitter2).emitAsync('ticket.closed', { name: 'ticket.closed', events: [redelivered] });
    await db.query(`update outbox_events set status = 'pending', next_attempt_at = now() where id = $1`, [row.id]);
    await eventually(
      'the redelivery to finish',
      async () =>
        (await db.query(`select status from outbox_events where id = $1`, [row.id])).rows[0].status === 'done',
    );
    await server.drainOutbox();
    expect(await ofTicket()).toHaveLength(1);
    expect(await ofTicket()).toEqual([expect.objectContaining({ body: `closed ${t.id}` })]);
  });

  it("writes the handler's key and all of an event's messages in one statement, whatever their text holds", async () => {
    const c = await customerOf(creator, { name: `O'Brien? \\ "quoted" ; --` });
    const message = `It's done? \\ {{customer.name}} — 100% ✓ $1 ?`;
    const toCreator = (
      await createTrigger({
        client: creator.s.client,
        body: trigger({ name: 'text 1', recipient: { kind: 'ticket_creator' }, message }),
      })
    ).data!;
    const toAssignee = (
      await createTrigger({
        client: creator.s.client,
        body: trigger({ name: 'text 2', recipient: { kind: 'ticket_assignee' }, message }),
      })
    ).data!;
    const t = await ticketBy(creator, c, assignee.user);
    await server.drainOutbox();
    server.queries.length = 0;
    expect((await closeTicket({ client: creator.s.client, path: { id: t.id } })).response.status).toBe(200);
    const expected = `It's done? \\ O'Brien? \\ "quoted" ; -- — 100% ✓ $1 ?`;
    await eventually(
      'both messages',
      async () =>
        (await inbox(creator.s)).some((m) => m.triggerId === toCreator.id && m.ticketId === t.id) &&
        (await inbox(assignee.s)).some((m) => m.triggerId === toAssignee.id && m.ticketId === t.id),
    );
    expect((await inbox(creator.s)).find((m) => m.triggerId === toCreator.id && m.ticketId === t.id)?.body).toBe(
      expected,
    );
    expect((await inbox(assignee.s)).find((m) => m.triggerId === toAssignee.id && m.ticketId === t.id)?.body).toBe(
      expected,
    );
    // Only this close's event was delivered since the log was cleared: one statement wrote its key and
    // both messages, and no transaction was opened, neither for the delivery nor for the close (its
    // update and event are one statement too).
    const statements = server.queries.map((q) => plainStatement(q));
    const writes = statements.filter((q) => /insert into processed_events/.test(q));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/insert into messages/);
    expect(statements.filter((q) => /^\[query\] begin/i.test(q))).toEqual([]);
  });

  it('delivers the events handed over together with one statement, and a bad one fails alone', async () => {
    const tr = (
      await createTrigger({
        client: watcher.s.client,
        body: trigger({
          name: 'together',
          recipient: { kind: 'ticket_creator' },
          message: 'together {{ticket.title}}',
        }),
      })
    ).data!;
    const c = await customerOf(watcher);
    const tickets = await Promise.all(
      [1, 2, 3].map((n) => ticketBy(watcher, c, assignee.user, { title: `together ${n}` })),
    );
    const envelope = (t: (typeof tickets)[number], eventId: string) => ({
      eventId,
      name: 'ticket.closed',
      occurredAt: new Date().toISOString(),
      actorId: watcher.user.id,
      payload: {
        ticket: {
          id: t.id,
          title: t.title,
          status: 'closed',
          priority: t.priority,
          type: t.type,
          topic: t.topic,
          closedAt: new Date().toISOString(),
        },
        creator: { id: watcher.user.id, username: watcher.user.username },
        assignee: { id: assignee.user.id, username: assignee.user.username },
        customer: { id: c.id, name: c.name, email: c.email },
        actor: { id: watcher.user.id, username: watcher.user.username },
      } as TicketEventPayload,
    });
    const events = [
      envelope(tickets[0], randomUUID()),
      envelope(tickets[1], 'not-a-uuid'),
      envelope(tickets[2], randomUUID()),
    ];
    const delivery = server.app.get(TriggerDelivery);
    // One batch, as the dispatcher hands it over; each outcome read as a settled promise.
    const deliver = async (batch: (typeof events)[number][]) =>
      (
        await delivery.deliver(
          batch.map((e) => ({
            handler: 'test-together',
            event: e,
            ownerIds: [watcher.user.id],
            input: { kind: 'ticket' as const, eventName: e.name, occurredAt: e.occurredAt, payload: e.payload },
            ref: { ticketId: e.payload.ticket.id },
          })),
        )
      ).map((o): PromiseSettledResult<boolean> =>
        o.ok ? { status: 'fulfilled', value: o.value } : { status: 'rejected', reason: o.error },
      );
    server.queries.length = 0;
    const results = await deliver(events);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : null))).toEqual([true, null, true]);
    // The shared statement failed on the bad id; then each event alone: four statements in all.
    expect(
      server.queries.map((q) => plainStatement(q)).filter((q) => /insert into processed_events/.test(q)),
    ).toHaveLength(4);
    const bodies = (await inbox(watcher.s))
      .filter((m) => m.triggerId === tr.id)
      .map((m) => m.body)
      .sort();
    expect(bodies).toEqual(['together together 1', 'together together 3']);
    // Handed over again (a redelivery): nothing new, and the good ones report they were done before.
    server.queries.length = 0;
    expect((await deliver([events[0], events[2]])).map((r) => (r.status === 'fulfilled' ? r.value : r.reason))).toEqual(
      [false, false],
    );
    expect(
      server.queries.map((q) => plainStatement(q)).filter((q) => /insert into processed_events/.test(q)),
    ).toHaveLength(1);
    expect((await inbox(watcher.s)).filter((m) => m.triggerId === tr.id)).toHaveLength(2);
  });

  it("sends customer.deleted messages from the owner's triggers with the customer snapshot", async () => {
    const c = await customerOf(creator, { name: 'Katherine', email: 'kj@example.com' });
    const tr = (
      await createTrigger({
        client: creator.s.client,
        body: trigger({
          name: 'customer gone',
          event: 'customer.deleted',
          recipient: { kind: 'user', userId: watcher.user.id },
          message: '{{customer.name}} <{{customer.email}}> was removed by {{current_user.username}}',
        }),
      })
    ).data!;
    await deleteCustomer({ client: creator.s.client, path: { id: c.id } });
    const mine = async () => (await inbox(watcher.s)).filter((m) => m.triggerId === tr.id);
    await eventually('the message', async () => (await mine()).length === 1);
    expect((await mine())[0]).toMatchObject({
      body: `Katherine <kj@example.com> was removed by ${creator.user.username}`,
      customerId: c.id,
      event: 'customer.deleted',
      ticketId: null,
    });
  });

  it('lets only the receiver mark a message read, and counts unread messages', async () => {
    const c = await customerOf(creator);
    const tr = (
      await createTrigger({
        client: creator.s.client,
        body: trigger({ name: 'read me', recipient: { kind: 'ticket_assignee' }, message: 'read me' }),
      })
    ).data!;
    const t = await ticketBy(creator, c, assignee.user);
    const before = (await countUnreadMessages({ client: assignee.s.client })).data!.count;
    await closeTicket({ client: creator.s.client, path: { id: t.id } });
    const find = async () => (await inbox(assignee.s)).find((m) => m.triggerId === tr.id && m.ticketId === t.id);
    await eventually('the message', async () => (await find()) !== undefined);
    const message = (await find())!;
    expect((await countUnreadMessages({ client: assignee.s.client })).data!.count).toBeGreaterThan(before);
    const unread = (await countUnreadMessages({ client: assignee.s.client })).data!.count;
    expect((await markMessageRead({ client: creator.s.client, path: { id: message.id } })).response.status).toBe(403);
    expect((await markMessageRead({ client: stranger.s.client, path: { id: message.id } })).response.status).toBe(404);
    const read = await markMessageRead({ client: assignee.s.client, path: { id: message.id } });
    expect(read.data!.readAt).not.toBeNull();
    expect((await countUnreadMessages({ client: assignee.s.client })).data!.count).toBe(unread - 1);
  });

  it('pages the inbox newest first and rejects an unknown box', async () => {
    const res = await listMessages({ client: watcher.s.client, query: { box: 'inbox', limit: 1 } });
    expect(res.data!.items).toHaveLength(1);
    const next = await listMessages({
      client: watcher.s.client,
      query: { box: 'inbox', limit: 1, cursor: res.data!.nextCursor! },
    });
    expect(Date.parse(next.data!.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(res.data!.items[0].createdAt));
    expect(next.data!.items[0].id).not.toBe(res.data!.items[0].id);
    const bad = await listMessages({ client: watcher.s.client, query: { box: 'trash' as never } });
    expect(bad.response.status).toBe(400);
    expect(fields(bad.error)).toEqual(['box']);
  });
});

describe('trigger dry run', () => {
  it('explains whether it would fire and renders the message, saving nothing', async () => {
    const c = await customerOf(creator, { name: 'Ada' });
    const t = await ticketBy(creator, c, assignee.user, { title: 'Laptop', priority: 'low' });
    const tr = (
      await createTrigger({
        client: creator.s.client,
        body: trigger({ conditions: { priority: ['high'] }, message: 'Re {{ticket.title}} for {{customer.name}}' }),
      })
    ).data!;
    const messagesBefore = (await db.query('select count(*)::int as n from messages')).rows[0].n;

    const no = await testTrigger({ client: creator.s.client, path: { id: tr.id }, body: { ticketId: t.id } });
    expect(no.data).toMatchObject({
      fires: false,
      message: { receiver: { id: assignee.user.id }, body: 'Re Laptop for Ada' },
    });
    expect(no.data!.reasons.join(' ')).toContain('priority low is not one of high');

    await updateTrigger({
      client: creator.s.client,
      path: { id: tr.id },
      body: { conditions: { priority: ['low'] }, version: 1 },
    });
    const yes = await testTrigger({ client: creator.s.client, path: { id: tr.id }, body: { ticketId: t.id } });
    expect(yes.data).toMatchObject({ fires: true });

    await updateTrigger({ client: creator.s.client, path: { id: tr.id }, body: { active: false, version: 2 } });
    const inactive = await testTrigger({ client: creator.s.client, path: { id: tr.id }, body: { ticketId: t.id } });
    expect(inactive.data!.fires).toBe(false);
    expect(inactive.data!.reasons.join(' ')).toContain('inactive');

    const missing = await testTrigger({ client: creator.s.client, path: { id: tr.id }, body: {} });
    expect(missing.response.status).toBe(400);
    expect(fields(missing.error)).toEqual(['ticketId']);
    const foreign = await ticketBy(stranger, await customerOf(stranger), stranger.user);
    expect(
      (await testTrigger({ client: creator.s.client, path: { id: tr.id }, body: { ticketId: foreign.id } })).response
        .status,
    ).toBe(404);
    expect((await db.query('select count(*)::int as n from messages')).rows[0].n).toBe(messagesBefore);
  });
});
