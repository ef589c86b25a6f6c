// Users, API tokens, customers, macros and triggers: one transaction on one connection.
import { randomBytes, scryptSync } from 'node:crypto';
import { BENCH_PASSWORD, sqlId } from './ids.mjs';
import { pick } from './sql.mjs';
import { COMPANIES, FIRST, LAST, PROBLEMS } from './vocabulary.mjs';

/** The app's password hash format (scrypt$logN$r$p$salt$key), computed once for every bench user. */
function passwordHash() {
  const salt = randomBytes(16);
  const key = scryptSync(BENCH_PASSWORD.normalize('NFKC'), salt, 32, {
    N: 2 ** 17,
    r: 8,
    p: 1,
    maxmem: 256 * 1024 * 1024,
  });
  return ['scrypt', 17, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The rows of the small tables at scale `s`, dated relative to `baseLit`. */
export async function seedSmallTables(a, s, baseLit) {
  const U = s.users;
  const hash = passwordHash();
  await a.query('begin');
  await a.query(
    `insert into users (id, email, username, password_hash, created_at)
     select ${sqlId('user', 'n')}, 'bench' || n || '@bench.example', 'bench.user' || n, $1, ${baseLit} - interval '400 days' + n * interval '1 minute'
     from generate_series(0, ${U - 1}) n`,
    [hash],
  );
  await a.query(
    `insert into api_tokens (id, user_id, name, token_hash, created_at)
     select ${sqlId('token', 'n')}, ${sqlId('user', 'n')}, 'bench', encode(sha256(convert_to('bw_bench_' || n, 'UTF8')), 'hex'), ${baseLit}
     from generate_series(0, ${U - 1}) n`,
  );
  await a.query(
    `insert into customers (id, owner_id, name, email, phone, company, notes, created_at, updated_at)
     select ${sqlId('customer', 'k')}, ${sqlId('user', `k % ${U}`)}, f || ' ' || l,
            lower(f) || '.' || lower(l) || k || '@' || replace(lower(c), ' ', '-') || '.example',
            case when k % 3 = 0 then '+1 202 555 ' || lpad((k % 10000)::text, 4, '0') end, c,
            case when k % 4 = 0 then 'Prefers email. Contract renews in ' || (1 + k % 12) || ' months.' end,
            ${baseLit} - interval '390 days' + k * interval '1 second', ${baseLit} - interval '390 days' + k * interval '1 second'
     from generate_series(0, ${s.customers - 1}) k,
          lateral (select ${pick(FIRST, 'k', 1)} as f, ${pick(LAST, 'k', 2)} as l, ${pick(COMPANIES, 'k', 3)} as c) x`,
  );
  await a.query(
    `insert into macros (id, owner_id, name, description, available_for, actions, created_at, updated_at)
     select ${sqlId('macro', 'k')}, ${sqlId('user', `k % ${U}`)}, 'Macro ' || k || ': ' || ${pick(PROBLEMS, 'k', 4)},
            'Canned answer number ' || k, case when k % 4 = 0 then 'everyone' else 'personal' end,
            jsonb_build_array(
              jsonb_build_object('type', 'set_priority', 'value', (array['low','normal','high','urgent'])[1 + k % 4]),
              jsonb_build_object('type', 'add_comment', 'value', 'Hi {{customer.name}}, we are working on "{{ticket.title}}". {{assignee.username}} will get back to you.')),
            ${baseLit} - interval '30 days' + k * interval '1 second', ${baseLit} - interval '30 days' + k * interval '1 second'
     from generate_series(1, ${s.macros}) k`,
  );
  // Triggers 1..users: each user has one unconditional, active "tell the assignee when a ticket is
  // closed" trigger (the bench's event path). The rest: conditional closes, creates, deletes, inactive.
  await a.query(
    `insert into triggers (id, owner_id, name, event, conditions, recipient, message, active, created_at, updated_at)
     select ${sqlId('trigger', 'k')}, ${sqlId('user', `k % ${U}`)}, 'Trigger ' || k,
            case when k <= ${U} or k % 5 in (0, 1) then 'ticket.closed' when k % 5 = 2 then 'ticket.created' else 'customer.deleted' end,
            case when k <= ${U} then '{}'::jsonb when k % 5 in (1, 2) then '{"priority": ["urgent"]}'::jsonb when k % 5 = 0 then '{"topic": ["billing", "hr"]}'::jsonb else '{}'::jsonb end,
            case when k <= ${U} or k % 5 in (0, 1, 2) then '{"kind": "ticket_assignee"}'::jsonb
                 else jsonb_build_object('kind', 'user', 'userId', ${sqlId('user', `(k + 1) % ${U}`)}) end,
            '{{current_user.username}} closed "{{ticket.title}}" for {{customer.name}} ({{event.name}} at {{event.at}}).',
            k <= ${U} or k % 7 <> 0,
            ${baseLit} - interval '20 days' + k * interval '1 second', ${baseLit} - interval '20 days' + k * interval '1 second'
     from generate_series(1, ${s.triggers}) k`,
  );
  await a.query('commit');
}
