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
  };
}
