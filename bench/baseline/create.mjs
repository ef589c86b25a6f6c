// The app's ticket creation, statement for statement, with the same group commit.
import { randomUUID } from 'node:crypto';

// The app's TicketsService.create, statement for statement, with the same group commit
// (platform/batching/group-commit.ts: at most 2 runs in flight, 64 tickets a run): per run, the
// customers and the users in two parallel reads, then one statement with a multi-row INSERT into
// tickets and one into outbox_events (the response reuses the customer read, as TicketViews
// does). The events are written already 'done': the baseline has no dispatcher, and the app's
// dispatcher, which runs alongside, must not deliver them.
export function ticketCreation(q, views) {
  const TICKET_COLUMNS_INSERT = [
    'id',
    'creator_id',
    'assignee_id',
    'customer_id',
    'title',
    'description',
    'type',
    'priority',
    'topic',
    'status',
    'photo_url',
    'version',
    'created_at',
    'updated_at',
    'closed_at',
  ];
  const EVENT_COLUMNS = ['id', 'name', 'payload', 'actor_id', 'occurred_at', 'status', 'attempts', 'processed_at'];
  const valuesSql = (rows, width) =>
    rows.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
  const queue = [];
  let inFlight = 0;
  let scheduled = false;
  const MAX_BATCH = 64;
  const MAX_IN_FLIGHT = 2;
  const schedule = () => {
    if (scheduled || inFlight >= MAX_IN_FLIGHT) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
        const batch = queue.splice(0, MAX_BATCH);
        inFlight++;
        createMany(batch.map((b) => b.item))
          .then(
            (results) => results.forEach((r, i) => batch[i].resolve(r)),
            (error) => batch.forEach((b) => b.reject(error)),
          )
          .finally(() => {
            inFlight--;
            schedule();
          });
      }
    });
  };
  const create = (actorId, body) =>
    new Promise((resolve, reject) => {
      queue.push({ item: { actorId, f: JSON.parse(body) }, resolve, reject });
      schedule();
    });

  async function createMany(items) {
    const customerIds = [...new Set(items.map((i) => i.f.customerId))];
    const userIds = [...new Set(items.flatMap((i) => [i.actorId, i.f.assigneeId]))];
    const [customerRows, userRows] = await Promise.all([
      q(
        `select id, owner_id, name, email, deleted_at is not null as deleted from customers where id in (${customerIds.map((_, i) => `$${i + 1}`).join(',')})`,
        customerIds,
      ),
      q(`select id, username from users where id in (${userIds.map((_, i) => `$${i + 1}`).join(',')})`, userIds),
    ]);
    const customers = new Map(customerRows.map((c) => [c.id, c]));
    const names = new Map(userRows.map((u) => [u.id, u.username]));
    const now = new Date();
    const results = items.map(({ actorId, f }) => {
      const customer = customers.get(f.customerId);
      if (!customer || customer.owner_id !== actorId || customer.deleted || !names.has(f.assigneeId)) return null;
      const ticket = {
        id: randomUUID(),
        creator_id: actorId,
        assignee_id: f.assigneeId,
        customer_id: f.customerId,
        title: f.title,
        description: f.description ?? '',
        type: f.type,
        priority: f.priority,
        topic: f.topic,
        status: 'open',
        photo_url: f.photoUrl ?? null,
        version: 1,
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      const name = (id) => names.get(id) ?? '';
      const payload = {
        ticket: {
          id: ticket.id,
          title: ticket.title,
          status: 'open',
          priority: ticket.priority,
          type: ticket.type,
          topic: ticket.topic,
          closedAt: null,
        },
        creator: { id: actorId, username: name(actorId) },
        assignee: { id: f.assigneeId, username: name(f.assigneeId) },
        customer: { id: f.customerId, name: customer.name, email: customer.email },
        actor: { id: actorId, username: name(actorId) },
      };
      return { ticket, customer, payload };
    });
    const ok = results.filter(Boolean);
    if (ok.length > 0) {
      // One statement: the tickets and their events (as Outbox.writeWithEvents writes them).
      const ticketParams = ok.flatMap(({ ticket: t }) => TICKET_COLUMNS_INSERT.map((c) => t[c]));
      const eventParams = ok.flatMap(({ ticket: t, payload }) => [
        randomUUID(),
        'ticket.created',
        JSON.stringify(payload),
        t.creator_id,
        now,
        'done',
        0,
        now,
      ]);
      const offset = ticketParams.length;
      await q(
        `with change as (insert into tickets (${TICKET_COLUMNS_INSERT.join(', ')}) values ${valuesSql(ok, TICKET_COLUMNS_INSERT.length)}),
              events as (insert into outbox_events (${EVENT_COLUMNS.join(', ')}) values ${ok.map((_, r) => `(${EVENT_COLUMNS.map((_, c) => `$${offset + r * EVENT_COLUMNS.length + c + 1}`).join(', ')})`).join(', ')})
         select 1`,
        [...ticketParams, ...eventParams],
      );
    }
    return Promise.all(results.map((r) => (r ? views([r.ticket], [r.customer]).then((v) => v[0]) : null)));
  }

  return create;
}
