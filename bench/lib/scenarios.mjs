// The requests of each measured run: autocannon `requests` entries that rotate users and rows.
import { randomBytes } from 'node:crypto';
import { benchTicketText, benchToken } from '../../tools/seed-scale.mjs';

export const bearer = (n) => ({ authorization: `Bearer ${benchToken(n)}`, 'content-type': 'application/json' });
export const WORDS = [
  'printer',
  'vpn',
  'invoice',
  'password reset',
  'projector',
  'backup timeout',
  'badge reader',
  'payroll',
];

/**
 * Issue 15: every filter and sort of the list, alone and with a box and a status (every page of
 * them is a keyset walk over one index per box). A function takes one load user's fixture
 * (`fx.forCreate`: a customer of theirs, a colleague) and is sent as that user.
 */
export const FILTERED = [
  'sort=oldest',
  'sort=updated',
  'sort=priority',
  'sort=due',
  'priority=urgent',
  'priority=urgent,high&sort=updated',
  'type=incident,problem',
  'topic=billing&sort=priority',
  'overdue=true',
  'overdue=true&sort=due&priority=urgent,high',
  'box=incoming&status=open&sort=priority',
  'box=incoming&status=open&sort=due',
  'box=outgoing&status=pending&priority=low&sort=updated',
  'box=incoming&status=open&topic=hr,facilities&type=task',
  'box=all&status=closed&sort=oldest&priority=high',
  (f) => `customerId=${f.customerId}`,
  (f) => `customerId=${f.customerId}&status=open&sort=updated`,
  (f) => `box=outgoing&assigneeId=${f.assigneeId}&sort=priority`,
];
export const PREFIXES = ['prin', 'inv', 'pass', 'proj', 'back tim', 'badg', 'payr', 'lic ren'];
// First names and surnames of the seeded customers (tools/seed-scale/vocabulary.mjs), as prefixes.
export const CUSTOMER_PREFIXES = ['marg', 'guido', 'lisk', 'dijks', 'grac', 'hopp', 'alan', 'ada'];

/** `n` plain requests from an autocannon `requests` entry (its generator rotates users and rows), for the open-loop generator. */
export const requestsOf = (entry, n, kind) =>
  Array.from({ length: n }, () => {
    const r = entry.setupRequest({ method: entry.method, headers: {} });
    return { method: r.method, path: r.path, headers: r.headers, body: r.body, kind };
  });

/** Request generators: each returns autocannon `requests` entries (rotating users and rows). */
export function scenarios(fx) {
  let i = 0;
  const next = (arr) => arr[i++ % arr.length];
  const get = (pathFor) => [
    {
      method: 'GET',
      setupRequest: (req) => {
        const { path: p, user } = pathFor();
        return { ...req, path: p, headers: bearer(user) };
      },
    },
  ];
  const post = (make, extra = () => ({})) => [
    {
      method: 'POST',
      setupRequest: (req) => {
        const { path: p, user, body } = make();
        return {
          ...req,
          method: 'POST',
          path: p,
          headers: { ...bearer(user), ...extra() },
          body: JSON.stringify(body ?? {}),
        };
      },
    },
  ];
  const users = [...new Set(fx.visible.map((v) => v.user))];
  let closeAt = 0;
  const keyPrefix = randomBytes(4).toString('hex');
  let keys = 0;
  const newTicket = () => {
    const f = next(fx.forCreate);
    return {
      path: '/api/tickets',
      user: f.user,
      body: {
        ...benchTicketText(i),
        customerId: f.customerId,
        assigneeId: f.assigneeId,
        type: 'incident',
        priority: 'normal',
        topic: 'technical',
      },
    };
  };
  return {
    incoming: get(() => ({ path: '/api/tickets?box=incoming', user: next(users) })),
    outgoing: get(() => ({ path: '/api/tickets?box=outgoing', user: next(users) })),
    ticket: get(() => {
      const v = next(fx.visible);
      return { path: `/api/tickets/${v.ticket}`, user: v.user };
    }),
    search: get(() => ({ path: `/api/tickets?q=${encodeURIComponent(WORDS[i % WORDS.length])}`, user: next(users) })),
    filtered: get(() => {
      const entry = FILTERED[i % FILTERED.length];
      if (typeof entry === 'string') return { path: `/api/tickets?${entry}`, user: next(users) };
      const f = next(fx.forCreate);
      return { path: `/api/tickets?${entry(f)}`, user: f.user };
    }),
    prefix: get(() => ({
      path: `/api/tickets?q=${encodeURIComponent(PREFIXES[i % PREFIXES.length])}`,
      user: next(users),
    })),
    customerSearch: get(() => ({
      path: `/api/tickets?q=${encodeURIComponent(CUSTOMER_PREFIXES[i % CUSTOMER_PREFIXES.length])}`,
      user: next(users),
    })),
    create: post(newTicket),
    // The same creations, each with a fresh Idempotency-Key: claimed before, its answer recorded after.
    createWithKey: post(newTicket, () => ({ 'idempotency-key': `bench-${keyPrefix}-${keys++}` })),
    comment: post(() => {
      const v = next(fx.visible);
      return {
        path: `/api/tickets/${v.ticket}/comments`,
        user: v.user,
        body: { body: 'Thanks, I am looking into it now and will update you within the hour.' },
      };
    }),
    close: post(() => {
      const v = fx.toClose[closeAt++ % fx.toClose.length];
      return { path: `/api/tickets/${v.ticket}/close`, user: v.user };
    }),
    inbox: get(() => ({ path: '/api/messages?box=inbox', user: next(users) })),
    // Issue 15: the counts of a user's ten saved views (bench/lib/saved-views.mjs).
    viewCounts: get(() => ({ path: '/api/views/counts', user: next(users) })),
  };
}
