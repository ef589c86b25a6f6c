import { closeTicket, deleteCustomer } from '@bw/sdk';
import { TicketSnapshots, buildSnapshot } from '@bw/backend/modules/tickets/application/ticket-snapshots.service';
import { ticketAudience } from '@bw/backend/modules/tickets/domain/events/ticket.events';
import { overdueEvents } from '@bw/backend/modules/tickets/persistence/overdue-snapshot.statements';
import { TicketsRepository } from '@bw/backend/modules/tickets/persistence/tickets.repository';
import { TICKETS } from '@bw/backend/modules/tickets/persistence/tickets.table';
import { sql } from '@bw/backend/platform/database/sql';
import { Client } from 'pg';
import { customerOf, person, ticketBy } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';

// The overdue scheduler's payloads are built by the database (overdueEvents), every other
// ticket event's by buildSnapshot: this spec keeps the two equal, field for field.
let server: TestServer;
let db: Client;
beforeAll(async () => {
  server = await startTestServer();
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await server.close();
});

/** Tickets of every shape a snapshot can show, by id. */
async function ticketsOfEveryShape(): Promise<string[]> {
  const [owner, colleague] = await Promise.all([person(server.baseUrl, 'snap'), person(server.baseUrl, 'snap2')]);
  const [customer, leaving] = await Promise.all([
    customerOf(owner, { name: 'Zoë "Q" O’Brien', email: 'zoe@example.com' }),
    customerOf(owner),
  ]);
  const plain = await ticketBy(owner, customer, owner.user);
  const full = await ticketBy(owner, customer, colleague.user, {
    title: 'Ünïcödé \\ "quotes" 🎫',
    description: `Line one\nLine two\t${'x'.repeat(2000)}`,
    photoUrl: 'https://example.com/a.png?x=1&y="2"',
    priority: 'urgent',
    dueAt: '2026-01-01T10:00:00.000Z',
  });
  const closed = await ticketBy(owner, leaving, colleague.user, { dueAt: '2030-06-01T12:34:56.789Z' });
  expect((await closeTicket({ client: owner.s.client, path: { id: closed.id } })).response.status).toBe(200);
  expect((await deleteCustomer({ client: owner.s.client, path: { id: leaving.id } })).response.status).toBe(204);
  // Times with microseconds either side of a millisecond: both builders cut them to milliseconds.
  await db.query(
    `update tickets set updated_at = '2026-03-04T05:06:07.999600Z', due_at = '2026-03-04T05:06:08.123999Z' where id = $1`,
    [full.id],
  );
  return [plain.id, full.id, closed.id];
}

describe("ticket.overdue's payload built by the database", () => {
  it('equals buildSnapshot of the same ticket and names, and is told to the same people', async () => {
    const ids = await ticketsOfEveryShape();
    const records = TicketsRepository.toRecords(
      (await db.query(sql`select ${TICKETS.columns('t')} from tickets t where t.id = any(${ids}::uuid[])`.render()))
        .rows,
    );
    const names = await server.app.get(TicketSnapshots).names(records);
    const events = overdueEvents(ids, names);
    const built = await db.query<{ payload: unknown; audience: string[]; subject_id: string }>(
      sql`select ${events.payload} as payload, ${events.audience} as audience, ${events.subjectId} as subject_id ${events.from}`.render(),
    );
    expect(built.rows.map((r) => r.subject_id).sort()).toEqual([...ids].sort());
    for (const record of records) {
      const expected = buildSnapshot(record, names.users, names.customers.get(record.customerId), null, {
        via: { kind: 'automation' },
        overdue: true,
      });
      const row = built.rows.find((r) => r.subject_id === record.id)!;
      expect(row.payload).toEqual(expected);
      expect(row.audience).toEqual([...new Set(ticketAudience(expected))]);
    }
    // The shapes the spec meant to cover are there (a failed setup would compare less).
    const payloads = built.rows.map((r) => r.payload as ReturnType<typeof buildSnapshot>);
    expect(payloads.some((p) => p.customer.deleted && p.ticket.closedAt !== null)).toBe(true);
    expect(payloads.some((p) => p.ticket.photoUrl !== null && p.ticket.updatedAt === '2026-03-04T05:06:07.999Z')).toBe(
      true,
    );
    expect(payloads.some((p) => p.creator.id === p.assignee.id && p.ticket.dueAt === null)).toBe(true);
  });
});
