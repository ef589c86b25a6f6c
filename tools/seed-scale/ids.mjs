// The bench's rows are pure functions of their numbers: ids, API tokens and the password.

export const SCALES = {
  small: { users: 20, customers: 2_000, tickets: 20_000, comments: 40_000, macros: 50, triggers: 50 },
  large: { users: 200, customers: 100_000, tickets: 1_000_000, comments: 2_000_000, macros: 1_000, triggers: 1_000 },
};

export const PREFIX = {
  user: 'b0',
  customer: 'b1',
  ticket: 'b2',
  comment: 'b3',
  macro: 'b4',
  trigger: 'b5',
  token: 'b6',
};
export const benchId = (kind, n) => `${PREFIX[kind]}000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const benchUserId = (n) => benchId('user', n);
export const benchTicketId = (i) => benchId('ticket', i);
export const benchToken = (n) => `bw_bench_${n}`;
export const BENCH_PASSWORD = 'bench-password-not-secret';
/** The id of row `expr` of a kind, as SQL. */
export const sqlId = (kind, expr) =>
  `('${PREFIX[kind]}000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
