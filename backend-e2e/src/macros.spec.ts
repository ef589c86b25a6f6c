import {
  applyMacroToTicket,
  createMacro,
  createTicket,
  deleteMacro,
  getMacro,
  getTicket,
  listMacros,
  listTicketComments,
  previewMacroOnTicket,
  updateMacro,
  type CreateMacroDto,
} from '@bw/sdk';
import { Client } from 'pg';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';

let server: TestServer;
let owner: Person;
let colleague: Person;
let stranger: Person;
let db: Client;
beforeAll(async () => {
  server = await startTestServer();
  [owner, colleague, stranger] = await Promise.all([
    person(server.baseUrl, 'mowner'),
    person(server.baseUrl, 'mcolleague'),
    person(server.baseUrl, 'mstranger'),
  ]);
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await server.close();
});

const macroBody = (overrides: Partial<CreateMacroDto> = {}): CreateMacroDto => ({
  name: 'Escalate',
  description: 'Make it urgent and tell the customer',
  availableFor: 'personal',
  actions: [
    { type: 'set_priority', value: 'urgent' },
    {
      type: 'add_comment',
      value: 'Hi {{customer.name}}, {{current_user.username}} escalated "{{ticket.title}}" to {{assignee.username}}.',
    },
  ],
  ...overrides,
});

describe('macro CRUD and visibility', () => {
  it('shows personal macros only to their owner and everyone macros to all, changed only by the owner', async () => {
    const personal = (await createMacro({ client: owner.s.client, body: macroBody({ name: 'Mine' }) })).data!;
    const shared = (
      await createMacro({ client: owner.s.client, body: macroBody({ name: 'Shared', availableFor: 'everyone' }) })
    ).data!;
    expect(personal).toMatchObject({ name: 'Mine', availableFor: 'personal', version: 1, ownerId: owner.user.id });
    expect((await getMacro({ client: stranger.s.client, path: { id: personal.id } })).response.status).toBe(404);
    expect((await getMacro({ client: stranger.s.client, path: { id: shared.id } })).response.status).toBe(200);
    const strangerList = (await listMacros({ client: stranger.s.client, query: { limit: 100 } })).data!.items.map(
      (m) => m.id,
    );
    expect(strangerList).toContain(shared.id);
    expect(strangerList).not.toContain(personal.id);
    expect(
      (
        await updateMacro({
          client: stranger.s.client,
          path: { id: shared.id },
          body: { name: 'Mine now', version: 1 },
        })
      ).response.status,
    ).toBe(403);
    expect((await deleteMacro({ client: stranger.s.client, path: { id: shared.id } })).response.status).toBe(403);
    expect(
      (await updateMacro({ client: stranger.s.client, path: { id: personal.id }, body: { name: 'x', version: 1 } }))
        .response.status,
    ).toBe(404);
    const renamed = await updateMacro({
      client: owner.s.client,
      path: { id: shared.id },
      body: { name: 'Shared v2', version: 1 },
    });
    expect(renamed.data).toMatchObject({ name: 'Shared v2', version: 2 });
    expect(
      (await updateMacro({ client: owner.s.client, path: { id: shared.id }, body: { name: 'stale', version: 1 } }))
        .response.status,
    ).toBe(409);
    expect((await deleteMacro({ client: owner.s.client, path: { id: personal.id } })).response.status).toBe(204);
    expect((await getMacro({ client: owner.s.client, path: { id: personal.id } })).response.status).toBe(404);
  });

  it.each([
    [{ actions: [] }, 'actions'],
    [{ actions: [{ type: 'explode', value: 'x' }] }, 'actions.0.type'],
    [{ actions: [{ type: 'set_status', value: 'archived' }] }, 'actions.0.value'],
    [
      {
        actions: [
          { type: 'set_priority', value: 'low' },
          { type: 'set_topic', value: 'gossip' },
        ],
      },
      'actions.1.value',
    ],
    [{ actions: [{ type: 'set_assignee', value: '6f1c1b4e-1111-4a4a-8a8a-123456789abc' }] }, 'actions.0.value'],
    [{ actions: [{ type: 'set_assignee', value: 'bob' }] }, 'actions.0.value'],
    [{ actions: [{ type: 'add_comment', value: '   ' }] }, 'actions.0.value'],
    [{ actions: [{ type: 'add_comment', value: 'Your password is {{user.password}}' }] }, 'actions.0.value'],
    [{ availableFor: 'team' }, 'availableFor'],
    [{ name: '' }, 'name'],
  ])('answers 400 naming the field for %j', async (override, field) => {
    const res = await createMacro({ client: owner.s.client, body: macroBody(override as never) });
    expect(res.response.status).toBe(400);
    expect(fields(res.error)).toEqual([field]);
  });

  it('names the unknown placeholder in the error', async () => {
    const res = await createMacro({
      client: owner.s.client,
      body: macroBody({ actions: [{ type: 'add_comment', value: 'Hi {{customer.phone}}' }] }),
    });
    expect((res.error as { errors: { message: string }[] }).errors[0].message).toContain('{{customer.phone}}');
  });
});

describe('preview and apply', () => {
  it('previews the ticket and comments as they would be, saving nothing', async () => {
    const c = await customerOf(owner, { name: 'Grace' });
    const t = await ticketBy(owner, c, colleague.user, { title: 'Printer' });
    const macro = (await createMacro({ client: owner.s.client, body: macroBody() })).data!;
    const preview = await previewMacroOnTicket({ client: owner.s.client, path: { id: t.id, macroId: macro.id } });
    expect(preview.response.status).toBe(200);
    expect(preview.data!.ticket).toMatchObject({ id: t.id, priority: 'urgent', version: 2 });
    expect(preview.data!.comments.map((x) => x.body)).toEqual([
      `Hi Grace, ${owner.user.username} escalated "Printer" to ${colleague.user.username}.`,
    ]);
    expect((await getTicket({ client: owner.s.client, path: { id: t.id } })).data).toMatchObject({
      priority: 'normal',
      version: 1,
    });
    expect((await listTicketComments({ client: owner.s.client, path: { id: t.id } })).data!.items).toEqual([]);
  });

  it('applies every action in one transaction, adds the rendered comment and bumps the version', async () => {
    const c = await customerOf(owner, { name: 'Linus' });
    const t = await ticketBy(owner, c, owner.user, { title: 'Chairs' });
    const macro = (
      await createMacro({
        client: owner.s.client,
        body: macroBody({
          actions: [
            { type: 'set_type', value: 'task' },
            { type: 'set_topic', value: 'office_supplies' },
            { type: 'set_assignee', value: colleague.user.id },
            { type: 'add_comment', value: 'Over to {{assignee.username}}' },
          ],
        }),
      })
    ).data!;
    const applied = await applyMacroToTicket({ client: owner.s.client, path: { id: t.id, macroId: macro.id } });
    expect(applied.response.status).toBe(200);
    expect(applied.data).toMatchObject({
      type: 'task',
      topic: 'office_supplies',
      assignee: { id: colleague.user.id },
      version: 2,
    });
    expect(
      (await listTicketComments({ client: owner.s.client, path: { id: t.id } })).data!.items.map((x) => x.body),
    ).toEqual([`Over to ${colleague.user.username}`]);
  });

  it('is all or nothing: a failing action leaves the ticket unchanged', async () => {
    const doomed = await person(server.baseUrl, 'doomed');
    const c = await customerOf(owner);
    const t = await ticketBy(owner, c, owner.user);
    const macro = (
      await createMacro({
        client: owner.s.client,
        body: macroBody({
          actions: [
            { type: 'set_priority', value: 'urgent' },
            { type: 'add_comment', value: 'before' },
            { type: 'set_assignee', value: doomed.user.id },
          ],
        }),
      })
    ).data!;
    // The assignee disappears after the macro was saved: the third action fails at apply time.
    await db.query('delete from api_tokens where user_id = $1', [doomed.user.id]);
    await db.query('delete from users where id = $1', [doomed.user.id]);
    const res = await applyMacroToTicket({ client: owner.s.client, path: { id: t.id, macroId: macro.id } });
    expect(res.response.status).toBe(400);
    expect(fields(res.error)).toEqual(['actions.2.value']);
    expect((await getTicket({ client: owner.s.client, path: { id: t.id } })).data).toMatchObject({
      priority: 'normal',
      version: 1,
      assignee: { id: owner.user.id },
    });
    expect((await listTicketComments({ client: owner.s.client, path: { id: t.id } })).data!.items).toEqual([]);
  });

  it('publishes ticket.closed when a macro closes the ticket', async () => {
    const t = await ticketBy(owner, await customerOf(owner), colleague.user);
    const macro = (
      await createMacro({
        client: owner.s.client,
        body: macroBody({ actions: [{ type: 'set_status', value: 'closed' }] }),
      })
    ).data!;
    const applied = await applyMacroToTicket({ client: owner.s.client, path: { id: t.id, macroId: macro.id } });
    expect(applied.data).toMatchObject({ status: 'closed' });
    expect(applied.data!.closedAt).not.toBeNull();
    const events = await db.query(
      `select name from outbox_events where payload->'ticket'->>'id' = $1 order by occurred_at`,
      [t.id],
    );
    expect(events.rows.map((r) => r.name)).toEqual(['ticket.created', 'ticket.closed']);
  });

  it('lets the assignee apply only status/priority/comment macros (403 otherwise), and strangers get 404', async () => {
    const t = await ticketBy(owner, await customerOf(owner), colleague.user);
    const shared = (
      await createMacro({
        client: owner.s.client,
        body: macroBody({ availableFor: 'everyone', actions: [{ type: 'set_topic', value: 'hr' }] }),
      })
    ).data!;
    const ok = (
      await createMacro({
        client: colleague.s.client,
        body: macroBody({
          actions: [
            { type: 'set_status', value: 'pending' },
            { type: 'add_comment', value: 'Looking' },
          ],
        }),
      })
    ).data!;
    expect(
      (await applyMacroToTicket({ client: colleague.s.client, path: { id: t.id, macroId: shared.id } })).response
        .status,
    ).toBe(403);
    expect(
      (await applyMacroToTicket({ client: colleague.s.client, path: { id: t.id, macroId: ok.id } })).data,
    ).toMatchObject({ status: 'pending' });
    expect(
      (await previewMacroOnTicket({ client: stranger.s.client, path: { id: t.id, macroId: shared.id } })).response
        .status,
    ).toBe(404);
    const personal = (await createMacro({ client: owner.s.client, body: macroBody() })).data!;
    expect(
      (await applyMacroToTicket({ client: colleague.s.client, path: { id: t.id, macroId: personal.id } })).response
        .status,
    ).toBe(404);
  });

  it('applies a macro as part of ticket creation', async () => {
    const c = await customerOf(owner, { name: 'Margaret' });
    const macro = (await createMacro({ client: owner.s.client, body: macroBody() })).data!;
    const res = await createTicket({
      client: owner.s.client,
      body: {
        title: 'Export',
        customerId: c.id,
        assigneeId: colleague.user.id,
        type: 'question',
        priority: 'low',
        topic: 'billing',
        macroId: macro.id,
      },
    });
    expect(res.response.status).toBe(201);
    expect(res.data).toMatchObject({ priority: 'urgent' });
    expect(
      (await listTicketComments({ client: owner.s.client, path: { id: res.data!.id } })).data!.items.map((x) => x.body),
    ).toEqual([`Hi Margaret, ${owner.user.username} escalated "Export" to ${colleague.user.username}.`]);
    const hidden = (await createMacro({ client: stranger.s.client, body: macroBody() })).data!;
    const refused = await createTicket({
      client: owner.s.client,
      body: {
        title: 'X',
        customerId: c.id,
        assigneeId: owner.user.id,
        type: 'question',
        priority: 'low',
        topic: 'billing',
        macroId: hidden.id,
      },
    });
    expect(refused.response.status).toBe(400);
    expect(fields(refused.error)).toEqual(['macroId']);
  });
});
