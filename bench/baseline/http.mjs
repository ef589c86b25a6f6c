// The baseline's routes: health, a box page or search, one ticket, a ticket's history, and ticket creation.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const readBody = (req) =>
  new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

export const send = (res, status, body) => {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
};

/** The request handler over the reads and the creation. */
export function handler({ actorFor, list, one, create, history }) {
  return async (req, res) => {
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
      const h = /^\/api\/tickets\/([^/]+)\/history$/.exec(u.pathname);
      if (h && UUID.test(h[1])) {
        const page = await history(actor, h[1].toLowerCase(), u.searchParams);
        return page ? send(res, 200, page) : send(res, 404, { status: 404, title: 'Ticket not found' });
      }
      return send(res, 404, { status: 404, title: 'Not Found' });
    } catch (error) {
      send(res, 500, { status: 500, title: 'Internal Server Error', detail: String(error?.message ?? error) });
    }
  };
}
