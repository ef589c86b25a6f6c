import { closeTicket, createTicketComment, listTicketHistory } from '@bw/sdk';
import { customerOf, listeningTrigger, person, Person, ticketBy } from './support/fixtures';
import { IsolatedDatabase, isolatedDatabase } from './support/isolated-database';
import { startTestServer, TestServer } from './support/server';

// An event that no handler may want is written already delivered (ADR 0005, amended): the ticket
// trigger handlers want a ticket's event only while some active trigger of its audience listens to
// it. Dispatching is off here, so a status is what the write gave.

let db: IsolatedDatabase;
let server: TestServer;
let quiet: Person;
let listener: Person;

beforeAll(async () => {
  db = await isolatedDatabase();
  server = await startTestServer({ DATABASE_URL: db.url });
  [quiet, listener] = await Promise.all([person(server.baseUrl, 'quiet'), person(server.baseUrl, 'listener')]);
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

interface EventRow {
  name: string;
  status: string;
  processed: boolean;
}
const eventsOf = (ticketId: string) =>
  db.query<EventRow>(
    `select name, status, processed_at is not null as processed from outbox_events where subject_id = $1 order by tx, seq`,
    [ticketId],
  );

it('writes the events of a user without triggers delivered, and keeps them in the history', async () => {
  const t = await ticketBy(quiet, await customerOf(quiet), quiet.user);
  const comment = await createTicketComment({
    client: quiet.s.client,
    path: { id: t.id },
    body: { body: 'Looked into it' },
  });
  expect(comment.response.status).toBe(201);
  expect((await closeTicket({ client: quiet.s.client, path: { id: t.id } })).response.status).toBe(200);

  expect(await eventsOf(t.id)).toEqual([
    { name: 'ticket.created', status: 'done', processed: true },
    // No handler handles comment.created at all.
    { name: 'comment.created', status: 'done', processed: true },
    { name: 'ticket.closed', status: 'done', processed: true },
  ]);
  const history = await listTicketHistory({ client: quiet.s.client, path: { id: t.id }, query: { limit: 10 } });
  expect(history.data?.items.map((e) => e.action)).toEqual(['created', 'commented', 'closed']);
});

it('keeps pending the events an active trigger of the creator listens to, and only those', async () => {
  await listeningTrigger(listener, 'ticket.closed');
  // An inactive trigger listens to nothing.
  await listeningTrigger(listener, 'ticket.created', false);
  const t = await ticketBy(listener, await customerOf(listener), quiet.user);
  expect((await closeTicket({ client: listener.s.client, path: { id: t.id } })).response.status).toBe(200);

  expect(await eventsOf(t.id)).toEqual([
    { name: 'ticket.created', status: 'done', processed: true },
    { name: 'ticket.closed', status: 'pending', processed: false },
  ]);
});

it("keeps pending the event of a ticket whose assignee's trigger listens, whoever created it", async () => {
  const t = await ticketBy(quiet, await customerOf(quiet), listener.user);
  expect((await closeTicket({ client: quiet.s.client, path: { id: t.id } })).response.status).toBe(200);

  expect((await eventsOf(t.id)).map((e) => `${e.name} ${e.status}`)).toEqual([
    'ticket.created done',
    'ticket.closed pending',
  ]);
});
