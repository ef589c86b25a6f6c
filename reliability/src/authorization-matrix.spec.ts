import {
  closeTicket,
  createApiToken,
  createMacro,
  createSavedView,
  createTrigger,
  createWebhook,
  revokeApiToken,
  testWebhook,
} from '@bw/sdk';
import { ApiSession } from '@bw/testing/api-session';
import { customerOf, person, Person, ticketBy } from '@bw/testing/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { startTestServer, TestServer } from '@bw/testing/server';
import { fillPath, Operation, operations } from './support/contract';
import { recordFigures } from './support/figures';

/**
 * Authorization matrix (BOLA), derived from libs/sdk/openapi.json: every operation with a path id
 * must have a row below, or this file fails — a new endpoint cannot escape it. Each row names the
 * status each caller gets, as the contract states: the owner (creator / receiver) succeeds; the
 * assignee gets what the contract grants (or 403 when it may see but not change); a stranger gets
 * 404 (no existence oracle); anonymous and a revoked API token get 401. `ownerToken` (a live API
 * token of the owner, no CSRF header) must match the owner.
 */

type Caller = 'owner' | 'ownerToken' | 'assignee' | 'stranger' | 'anonymous' | 'revoked';

interface Actors {
  owner: Person;
  assignee: Person;
  stranger: Person;
  db: IsolatedDatabase;
}
interface Target {
  path: Record<string, string>;
  body?: unknown;
}
interface Row {
  /** What this variant is about (several rows per operation are fine). */
  variant: string;
  /** Fresh resources for one call: the owner owns them; the assignee is the ticket's assignee / the message's sender. */
  setup(a: Actors): Promise<Target>;
  expect: Partial<Record<Caller, number>> & { owner: number; stranger: number };
}

// ---------------------------------------------------------------------------------------------
// Fresh resources

const ticketOf = async (a: Actors) => ticketBy(a.owner, await customerOf(a.owner), a.assignee.user);
const ticketPath = async (a: Actors) => ({ path: { id: (await ticketOf(a)).id } });
const macroOf = async (
  a: Actors,
  availableFor: 'personal' | 'everyone',
  type: 'set_priority' | 'set_topic' = 'set_priority',
) =>
  (
    await createMacro({
      client: a.owner.s.client,
      body: {
        name: `matrix ${Math.random()}`,
        availableFor,
        actions: [type === 'set_priority' ? { type, value: 'high' } : { type, value: 'billing' }],
      },
    })
  ).data!;
const triggerOf = async (a: Actors) =>
  (
    await createTrigger({
      client: a.owner.s.client,
      body: {
        name: `matrix ${Math.random()}`,
        event: 'ticket.closed',
        recipient: { kind: 'ticket_creator' },
        message: 'closed {{ticket.title}}',
      },
    })
  ).data!;
const savedViewOf = async (a: Actors) =>
  (
    await createSavedView({
      client: a.owner.s.client,
      body: { name: `matrix ${Math.random()}`, filters: { status: 'open' } },
    })
  ).data!;
/** An address literal on the public internet: no DNS lookup, and nothing is sent (dispatch is off). */
const webhookOf = async (a: Actors) =>
  (
    await createWebhook({
      client: a.owner.s.client,
      body: { name: `matrix ${Math.random()}`, url: 'https://93.184.215.14/hooks/matrix' },
    })
  ).data!;
const deliveryOf = async (a: Actors) => {
  const webhook = await webhookOf(a);
  const { deliveryId } = (await testWebhook({ client: a.owner.s.client, path: { id: webhook.id } })).data!;
  return { path: { id: webhook.id, deliveryId } };
};
/** A message from the assignee (its trigger) to the owner: the owner is the receiver. */
async function messageTo(a: Actors): Promise<string> {
  const trigger = (
    await createTrigger({
      client: a.assignee.s.client,
      body: {
        name: `to owner ${Math.random()}`,
        event: 'ticket.closed',
        recipient: { kind: 'user', userId: a.owner.user.id },
        message: 'hello',
      },
    })
  ).data!;
  const t = await ticketOf(a);
  await closeTicket({ client: a.owner.s.client, path: { id: t.id } });
  let id: string | undefined;
  await eventually('the message to be delivered', async () => {
    id = (
      await a.db.query<{ id: string }>('select id from messages where trigger_id = $1 and ticket_id = $2', [
        trigger.id,
        t.id,
      ])
    )[0]?.id;
    return id !== undefined;
  });
  return id!;
}

const TICKET = { owner: 200, assignee: 200, stranger: 404 };
const OWNED = { owner: 200, stranger: 404 };

export const MATRIX: Record<string, Row[]> = {
  getTicket: [{ variant: 'creator/assignee read', setup: ticketPath, expect: TICKET }],
  updateTicket: [
    {
      variant: 'priority (assignee may)',
      setup: async (a) => ({ ...(await ticketPath(a)), body: { priority: 'high', version: 1 } }),
      expect: TICKET,
    },
    {
      variant: 'title (creator only)',
      setup: async (a) => ({ ...(await ticketPath(a)), body: { title: 'changed', version: 1 } }),
      expect: { owner: 200, assignee: 403, stranger: 404 },
    },
  ],
  deleteTicket: [{ variant: 'creator only', setup: ticketPath, expect: { owner: 204, assignee: 403, stranger: 404 } }],
  closeTicket: [{ variant: 'creator or assignee', setup: ticketPath, expect: TICKET }],
  reopenTicket: [
    {
      variant: 'creator or assignee',
      setup: async (a) => {
        const t = await ticketOf(a);
        await closeTicket({ client: a.owner.s.client, path: { id: t.id } });
        return { path: { id: t.id } };
      },
      expect: TICKET,
    },
  ],
  listTicketComments: [{ variant: 'creator/assignee', setup: ticketPath, expect: TICKET }],
  listTicketHistory: [{ variant: 'creator/assignee', setup: ticketPath, expect: TICKET }],
  reportTicketPresence: [
    {
      variant: 'creator/assignee',
      setup: async (a) => ({ ...(await ticketPath(a)), body: { state: 'viewing' } }),
      expect: { owner: 204, assignee: 204, stranger: 404 },
    },
  ],
  createTicketComment: [
    {
      variant: 'creator/assignee',
      setup: async (a) => ({ ...(await ticketPath(a)), body: { body: 'hello' } }),
      expect: { owner: 201, assignee: 201, stranger: 404 },
    },
  ],
  applyMacroToTicket: [
    {
      variant: 'shared priority macro',
      setup: async (a) => ({ path: { id: (await ticketOf(a)).id, macroId: (await macroOf(a, 'everyone')).id } }),
      expect: TICKET,
    },
    {
      variant: 'shared topic macro (assignee may not change topic)',
      setup: async (a) => ({
        path: { id: (await ticketOf(a)).id, macroId: (await macroOf(a, 'everyone', 'set_topic')).id },
      }),
      expect: { owner: 200, assignee: 403, stranger: 404 },
    },
    {
      variant: "the owner's personal macro",
      setup: async (a) => ({ path: { id: (await ticketOf(a)).id, macroId: (await macroOf(a, 'personal')).id } }),
      expect: { owner: 200, assignee: 404, stranger: 404 },
    },
  ],
  previewMacroOnTicket: [
    {
      variant: 'shared priority macro',
      setup: async (a) => ({ path: { id: (await ticketOf(a)).id, macroId: (await macroOf(a, 'everyone')).id } }),
      expect: TICKET,
    },
    {
      variant: "the owner's personal macro",
      setup: async (a) => ({ path: { id: (await ticketOf(a)).id, macroId: (await macroOf(a, 'personal')).id } }),
      expect: { owner: 200, assignee: 404, stranger: 404 },
    },
  ],
  listUserTickets: [
    // Tickets created by :id that the caller may see: everyone may ask, and sees only what is theirs to see.
    {
      variant: "the owner's tickets",
      setup: async (a) => (await ticketOf(a), { path: { id: a.owner.user.id } }),
      expect: { owner: 200, assignee: 200, stranger: 200 },
    },
  ],
  listUserCustomers: [
    { variant: "the owner's customers", setup: async (a) => ({ path: { id: a.owner.user.id } }), expect: OWNED },
  ],
  getCustomer: [
    { variant: 'owner only', setup: async (a) => ({ path: { id: (await customerOf(a.owner)).id } }), expect: OWNED },
  ],
  updateCustomer: [
    {
      variant: 'owner only',
      setup: async (a) => ({ path: { id: (await customerOf(a.owner)).id }, body: { name: 'Renamed', version: 1 } }),
      expect: OWNED,
    },
  ],
  deleteCustomer: [
    {
      variant: 'owner only',
      setup: async (a) => ({ path: { id: (await customerOf(a.owner)).id } }),
      expect: { owner: 204, stranger: 404 },
    },
  ],
  getMacro: [
    { variant: 'personal', setup: async (a) => ({ path: { id: (await macroOf(a, 'personal')).id } }), expect: OWNED },
    {
      variant: 'shared with everyone',
      setup: async (a) => ({ path: { id: (await macroOf(a, 'everyone')).id } }),
      expect: { owner: 200, stranger: 200 },
    },
  ],
  updateMacro: [
    {
      variant: 'personal',
      setup: async (a) => ({ path: { id: (await macroOf(a, 'personal')).id }, body: { name: 'Renamed', version: 1 } }),
      expect: OWNED,
    },
    {
      variant: 'shared: visible, not changeable',
      setup: async (a) => ({ path: { id: (await macroOf(a, 'everyone')).id }, body: { name: 'Renamed', version: 1 } }),
      expect: { owner: 200, stranger: 403 },
    },
  ],
  deleteMacro: [
    {
      variant: 'personal',
      setup: async (a) => ({ path: { id: (await macroOf(a, 'personal')).id } }),
      expect: { owner: 204, stranger: 404 },
    },
    {
      variant: 'shared: visible, not deletable',
      setup: async (a) => ({ path: { id: (await macroOf(a, 'everyone')).id } }),
      expect: { owner: 204, stranger: 403 },
    },
  ],
  getTrigger: [
    { variant: 'owner only', setup: async (a) => ({ path: { id: (await triggerOf(a)).id } }), expect: OWNED },
  ],
  updateTrigger: [
    {
      variant: 'owner only',
      setup: async (a) => ({ path: { id: (await triggerOf(a)).id }, body: { name: 'Renamed', version: 1 } }),
      expect: OWNED,
    },
  ],
  deleteTrigger: [
    {
      variant: 'owner only',
      setup: async (a) => ({ path: { id: (await triggerOf(a)).id } }),
      expect: { owner: 204, stranger: 404 },
    },
  ],
  testTrigger: [
    {
      variant: "owner only, on the owner's ticket",
      setup: async (a) => ({ path: { id: (await triggerOf(a)).id }, body: { ticketId: (await ticketOf(a)).id } }),
      expect: OWNED,
    },
  ],
  getSavedView: [
    { variant: 'owner only', setup: async (a) => ({ path: { id: (await savedViewOf(a)).id } }), expect: OWNED },
  ],
  updateSavedView: [
    {
      variant: 'owner only',
      setup: async (a) => ({
        path: { id: (await savedViewOf(a)).id },
        body: { name: `Renamed ${Math.random()}`, version: 1 },
      }),
      expect: OWNED,
    },
  ],
  deleteSavedView: [
    {
      variant: 'owner only',
      setup: async (a) => ({ path: { id: (await savedViewOf(a)).id } }),
      expect: { owner: 204, stranger: 404 },
    },
  ],
  getWebhook: [
    { variant: 'owner only', setup: async (a) => ({ path: { id: (await webhookOf(a)).id } }), expect: OWNED },
  ],
  updateWebhook: [
    {
      variant: 'owner only',
      setup: async (a) => ({ path: { id: (await webhookOf(a)).id }, body: { name: 'Renamed', version: 1 } }),
      expect: OWNED,
    },
  ],
  deleteWebhook: [
    {
      variant: 'owner only',
      setup: async (a) => ({ path: { id: (await webhookOf(a)).id } }),
      expect: { owner: 204, stranger: 404 },
    },
  ],
  listWebhookDeliveries: [
    { variant: 'owner only', setup: async (a) => ({ path: { id: (await webhookOf(a)).id } }), expect: OWNED },
  ],
  testWebhook: [
    {
      variant: 'owner only',
      setup: async (a) => ({ path: { id: (await webhookOf(a)).id } }),
      expect: { owner: 202, stranger: 404 },
    },
  ],
  redeliverWebhookDelivery: [
    { variant: 'owner only, its own delivery', setup: deliveryOf, expect: { owner: 202, stranger: 404 } },
  ],
  markMessageRead: [
    {
      variant: 'receiver only (the sender gets 403)',
      setup: async (a) => ({ path: { id: await messageTo(a) } }),
      expect: { owner: 200, assignee: 403, stranger: 404 },
    },
  ],
  revokeApiToken: [
    {
      variant: 'owner only',
      setup: async (a) => ({
        path: { id: (await createApiToken({ client: a.owner.s.client, body: { name: 'matrix' } })).data!.id },
      }),
      expect: { owner: 204, stranger: 404 },
    },
  ],
};

const ops = operations();
const withPathId = ops.filter((op) => op.pathParams.length > 0);

describe('authorization matrix (from the OpenAPI document)', () => {
  let db: IsolatedDatabase;
  let server: TestServer;
  let actors: Actors;
  let callers: Record<Caller, ApiSession>;
  let ownerTokenSecret: string;
  let checked = 0;

  beforeAll(async () => {
    db = await isolatedDatabase();
    server = await startTestServer({ DATABASE_URL: db.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '50' });
    const [owner, assignee, stranger] = [
      await person(server.baseUrl, 'owner'),
      await person(server.baseUrl, 'assignee'),
      await person(server.baseUrl, 'stranger'),
    ];
    actors = { owner, assignee, stranger, db };
    const revoked = (await createApiToken({ client: owner.s.client, body: { name: 'to revoke' } })).data!;
    await revokeApiToken({ client: owner.s.client, path: { id: revoked.id } });
    ownerTokenSecret = (await createApiToken({ client: owner.s.client, body: { name: 'live' } })).data!.token;
    callers = {
      owner: owner.s,
      ownerToken: new ApiSession(server.baseUrl, { bearer: ownerTokenSecret }),
      assignee: assignee.s,
      stranger: stranger.s,
      anonymous: new ApiSession(server.baseUrl),
      revoked: new ApiSession(server.baseUrl, { bearer: revoked.token }),
    };
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
    recordFigures('authorization', {
      operationsInDocument: ops.length,
      operationsWithPathId: withPathId.length,
      rows: Object.values(MATRIX).flat().length,
      requestsChecked: checked,
    });
  });

  async function call(caller: ApiSession, op: Operation, target: Target): Promise<{ status: number; text: string }> {
    const res = await caller.raw(fillPath(op.path, target.path), {
      method: op.method,
      headers: target.body === undefined ? {} : { 'content-type': 'application/json' },
      body: target.body === undefined ? undefined : JSON.stringify(target.body),
    });
    checked++;
    return { status: res.status, text: await res.text() };
  }

  it('has a row for every operation with a path id in the document (and none for operations that are gone)', () => {
    const missing = withPathId.map((op) => op.operationId).filter((id) => !MATRIX[id]);
    const stale = Object.keys(MATRIX).filter((id) => !withPathId.some((op) => op.operationId === id));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  const cases = withPathId.flatMap((op) =>
    (MATRIX[op.operationId] ?? []).map((row) => [op.operationId, row.variant, op, row] as const),
  );
  it.each(cases)('%s (%s): owner / assignee / stranger / anonymous / revoked token', async (_id, _variant, op, row) => {
    const expected: Partial<Record<Caller, number>> = {
      anonymous: 401,
      revoked: 401,
      ownerToken: row.expect.owner,
      ...row.expect,
    };
    const got: Partial<Record<Caller, number>> = {};
    for (const caller of Object.keys(expected) as Caller[]) {
      const target = await row.setup(actors); // fresh resources: a success must not change what the next caller sees
      const res = await call(callers[caller], op, target);
      got[caller] = res.status;
      if (res.status >= 400) expect(res.text).toContain(`"status":${res.status}`);
    }
    expect(got).toEqual(expected);
  });

  it('answers 401 to anonymous and revoked-token callers on every operation that needs authentication', async () => {
    const got: Record<string, [number, number]> = {};
    const expected: Record<string, [number, number]> = {};
    // login answers 401 to a wrong password; the metrics are open to loopback callers (this test is one).
    const open = new Set(['login', 'getMetrics']);
    for (const op of ops.filter((o) => o.responses.includes(401) && !open.has(o.operationId))) {
      const path = Object.fromEntries(op.pathParams.map((p) => [p.name, '00000000-0000-4000-8000-000000000000']));
      const body = op.body ? {} : undefined;
      got[op.operationId] = [
        (await call(callers.anonymous, op, { path, body })).status,
        (await call(callers.revoked, op, { path, body })).status,
      ];
      expected[op.operationId] = [401, 401];
    }
    expect(got).toEqual(expected);
  });
});
