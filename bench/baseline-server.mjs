#!/usr/bin/env node
// The bench's baseline: a bare node:http + pg server that answers the same two reads as the app,
// with the same SQL statements the app issues for them in steady state (see bench/capture-sql.mjs),
// the same pool size (10) and the same response shape — no framework, no ORM, no validation layer,
// no logging. Like the app it keeps bearer tokens (TokenCache) and usernames (IdentityService) in
// memory once looked up, so a warm request runs the same statements in both.
// The app's throughput as a ratio of this one is the cost of everything above the database.
//
//   DATABASE_URL=postgres://… PORT=3901 node bench/baseline-server.mjs
//
//   GET /api/tickets?box=incoming|outgoing|all&status=&q=&limit=   (Bearer token)
//   GET /api/tickets/:id                                           (Bearer token)
//   POST /api/tickets                                              (Bearer token; JSON body; group commit as in the app)
//   GET /api/health
import { createHash, createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Pool, types } = require('pg');

const TICKET_COLUMNS =
  'id, creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, photo_url, version, created_at, updated_at, closed_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_KEY = 'baseline-cursor-key';

export function startBaseline({ url, port = 0, poolMax = 10 }) {
  types.setTypeParser(1184, (v) => new Date(v)); // timestamptz → Date (pg's default too, explicit here)
  const pool = new Pool({ connectionString: url, max: poolMax });
  const q = (sql, params) => pool.query(sql, params).then((r) => r.rows);

  // `?` placeholders → `$n`, as MikroORM's knex layer does before sending.
  const numbered = (sql) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };

  const tokens = new Map();
  const usernames = new Map();

  async function actorFor(req) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const hash = createHash('sha256').update(m[1]).digest('hex');
    const known = tokens.get(hash);
    if (known && known.until > Date.now()) return known.userId;
    const rows = await q(
      `with t as (select id, user_id, last_used_at from api_tokens where token_hash = $1),
            touched as (update api_tokens a set last_used_at = now() from t
                         where a.id = t.id and (t.last_used_at is null or t.last_used_at < now() - interval '60 seconds'))
       select user_id from t`,
      [hash],
    );
    if (rows[0]) tokens.set(hash, { userId: rows[0].user_id, until: Date.now() + 60_000 });
    return rows[0]?.user_id ?? null;
  }

  async function views(tickets, known) {
    if (tickets.length === 0) return [];
    const userIds = [...new Set(tickets.flatMap((t) => [t.creator_id, t.assignee_id]))].filter(
      (id) => !usernames.has(id),
    );
    const customerIds = [...new Set(tickets.map((t) => t.customer_id))];
    const [users, customers] = await Promise.all([
      userIds.length
        ? q(`select id, username from users where id in (${userIds.map((_, i) => `$${i + 1}`).join(',')})`, userIds)
        : [],
      known ??
        q(
          `select id, owner_id, name, email, deleted_at is not null as deleted from customers where id in (${customerIds.map((_, i) => `$${i + 1}`).join(',')})`,
          customerIds,
        ),
    ]);
    for (const r of users) usernames.set(r.id, r);
    const u = usernames;
    const c = new Map(customers.map((r) => [r.id, r]));
    const user = (id) => ({ id, username: u.get(id)?.username ?? '' });
    return tickets.map((t) => {
      const cu = c.get(t.customer_id);
      return {
        id: t.id,
        title: t.title,
        description: t.description,
        type: t.type,
        priority: t.priority,
        topic: t.topic,
        status: t.status,
        photoUrl: t.photo_url,
        customerId: t.customer_id,
        assigneeId: t.assignee_id,
        version: t.version,
        createdAt: t.created_at.toISOString(),
        updatedAt: t.updated_at.toISOString(),
        closedAt: t.closed_at ? t.closed_at.toISOString() : null,
        creator: user(t.creator_id),
        assignee: user(t.assignee_id),
        customer: { id: t.customer_id, name: cu?.name ?? '', email: cu?.email ?? '', deleted: cu?.deleted ?? true },
      };
    });
  }

  // The app's TicketsService.list, statement for statement (no cursor input: the bench reads page 1).
  async function list(actorId, query) {
    const box = query.get('box') ?? 'all';
    const limit = Number(query.get('limit') ?? 10);
    const status = query.get('status') ?? '';
    const text = (query.get('q') ?? '').trim();
    const branch = (column, extra = '') => {
      const params = [actorId];
      let where = `${column} = ?${extra}`;
      if (status) {
        where += ' and status = ?';
        params.push(status);
      }
      if (text) {
        where += ` and search @@ websearch_to_tsquery('english', ?)`;
        params.push(text);
      }
      params.push(limit + 1);
      return {
        sql: `(select ${TICKET_COLUMNS} from tickets where ${where} order by created_at desc, id desc limit ?)`,
        params,
      };
    };
    let sql;
    let params;
    if (box === 'outgoing' || box === 'incoming') {
      ({ sql, params } = branch(box === 'outgoing' ? 'creator_id' : 'assignee_id'));
    } else {
      const created = branch('creator_id');
      const assigned = branch('assignee_id', ' and creator_id <> ?');
      assigned.params.splice(1, 0, actorId);
      sql = `select * from (${created.sql} union all ${assigned.sql}) t order by created_at desc, id desc limit ?`;
      params = [...created.params, ...assigned.params, limit + 1];
    }
    const rows = text ? await search(actorId, box, status, text, limit + 1) : await q(numbered(sql), params);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    let nextCursor = null;
    if (rows.length > limit && last) {
      const payload = Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url');
      const scope = `tickets:${actorId}:${box}:${status}:${text}`;
      nextCursor = `${payload}.${createHmac('sha256', CURSOR_KEY).update(`${scope}\n${payload}`).digest('base64url').slice(0, 22)}`;
    }
    return { items: await views(page), nextCursor };
  }

  // The app's search (TicketsService.searchBranch): per box, its newest SEARCH_WINDOW rows first,
  // the full-text index only when they hold too few matches; the boxes merged newest first.
  const SEARCH_WINDOW = 400;
  async function search(actorId, box, status, text, take) {
    const branches = [];
    const branchOf = (column, extra = '', extraParams = []) => {
      const params = [actorId, ...extraParams];
      let where = `${column} = ?${extra}`;
      if (status) {
        where += ' and status = ?';
        params.push(status);
      }
      return { where, params };
    };
    if (box !== 'incoming') branches.push(branchOf('creator_id'));
    if (box !== 'outgoing')
      branches.push(
        box === 'all' ? branchOf('assignee_id', ' and creator_id <> ?', [actorId]) : branchOf('assignee_id'),
      );
    const found = await Promise.all(
      branches.map(async ({ where, params }) => {
        const windowed = await q(
          numbered(
            `with w as materialized (select ${TICKET_COLUMNS}, search from tickets where ${where} order by created_at desc, id desc limit ?)
         select s.scanned, m.* from (select count(*)::int as scanned from w) s
         left join lateral (select ${TICKET_COLUMNS} from w where search @@ websearch_to_tsquery('english', ?) order by created_at desc, id desc limit ?) m on true`,
          ),
          [...params, SEARCH_WINDOW, text, take],
        );
        const matches = windowed.filter((r) => r.id !== null);
        if (matches.length >= take || (windowed[0]?.scanned ?? 0) < SEARCH_WINDOW) return matches;
        return q(
          numbered(
            `select ${TICKET_COLUMNS} from tickets where ${where} and search @@ websearch_to_tsquery('english', ?) order by created_at desc, id desc limit ?`,
          ),
          [...params, text, take],
        );
      }),
    );
    return found
      .flat()
      .sort((x, y) => y.created_at - x.created_at || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0))
      .slice(0, take);
  }

  async function one(actorId, id) {
    const rows = await q(
      `select ${TICKET_COLUMNS} from tickets where id = $1 and (creator_id = $2 or assignee_id = $3)`,
      [id, actorId, actorId],
    );
    if (rows.length === 0) return null;
    return (await views(rows))[0];
  }

  // The app's TicketsService.create, statement for statement, with the same group commit
  // (platform/batching/group-commit.ts: at most 2 runs in flight, 64 tickets a run): per run, the
  // customers and the users in two parallel reads, then one statement with a multi-row INSERT into
  // tickets and one into outbox_events (the response reuses the customer read, as TicketViews
  // does). The events are written already 'done': the baseline has no dispatcher, and the app's
  // dispatcher, which runs alongside, must not deliver them.
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

  const readBody = (req) =>
    new Promise((resolve, reject) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => resolve(data));
      req.on('error', reject);
    });

  const send = (res, status, body) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  };

  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://x');
      if (req.method === 'GET' && u.pathname === '/api/health') return send(res, 200, { status: 'ok', db: 'up' });
      if (req.method !== 'GET' && !(req.method === 'POST' && u.pathname === '/api/tickets'))
        return send(res, 404, { status: 404, title: 'Not Found' });
      const actor = await actorFor(req);
      if (!actor) return send(res, 401, { status: 401, title: 'Unauthorized' });
      if (req.method === 'POST') {
        const t = await create(actor, await readBody(req));
        return t
          ? send(res, 201, t)
          : send(res, 400, {
              status: 400,
              title: 'Bad Request',
              errors: [{ field: 'customerId', message: 'must be one of your customers' }],
            });
      }
      if (u.pathname === '/api/tickets') return send(res, 200, await list(actor, u.searchParams));
      const m = /^\/api\/tickets\/([^/]+)$/.exec(u.pathname);
      if (m && UUID.test(m[1])) {
        const t = await one(actor, m[1].toLowerCase());
        return t ? send(res, 200, t) : send(res, 404, { status: 404, title: 'Ticket not found' });
      }
      return send(res, 404, { status: 404, title: 'Not Found' });
    } catch (error) {
      send(res, 500, { status: 500, title: 'Internal Server Error', detail: String(error?.message ?? error) });
    }
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        close: () => new Promise((r) => server.close(() => pool.end().then(r))),
      }),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set');
    process.exit(2);
  }
  const { port } = await startBaseline({ url, port: Number(process.env.PORT ?? 3901) });
  console.log(`baseline listening on http://127.0.0.1:${port}`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
