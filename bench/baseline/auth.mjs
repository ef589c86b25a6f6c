// Bearer tokens, looked up once a minute per token as the app's TokenCache does.
import { createHash } from 'node:crypto';

/** `actorFor(req)`: the user id of the request's bearer token, or null. */
export function bearerActors(q) {
  const tokens = new Map();

  return async function actorFor(req) {
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
  };
}
