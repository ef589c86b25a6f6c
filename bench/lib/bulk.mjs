// Bulk close (issue 15: "bulk close of 100 tickets ≤ 1 s"): POST /api/tickets/bulk of 100 open
// tickets of one user, one request at a time, each batch timed from send to the whole answer.
import { log } from './context.mjs';
import { bearer } from './scenarios.mjs';

export const BULK_SIZE = 100;
export const BULK_ROUNDS = 5;

/**
 * Takes BULK_ROUNDS + 1 batches (the first one warms up) of BULK_SIZE open tickets out of the
 * fixtures, each batch of one user (at the large scale no user has all 600 among the fixtures'
 * open tickets), so that the single-close run never picks them (it would answer 409, or this run
 * would). Call before scenarios(fx). Null when fewer users have a batch's worth.
 */
export function takeBulkBatches(fx) {
  const byUser = new Map();
  // The oldest open tickets (the close run starts from the newest).
  for (const v of [...fx.toClose].reverse()) byUser.set(v.user, [...(byUser.get(v.user) ?? []), v.ticket]);
  const batches = [];
  for (const [user, tickets] of [...byUser].sort((a, b) => b[1].length - a[1].length)) {
    for (let i = 0; i + BULK_SIZE <= tickets.length && batches.length <= BULK_ROUNDS; i += BULK_SIZE)
      batches.push({ user, ids: tickets.slice(i, i + BULK_SIZE) });
    if (batches.length > BULK_ROUNDS) break;
  }
  if (batches.length <= BULK_ROUNDS) return null;
  const taken = new Set(batches.flatMap((b) => b.ids));
  fx.toClose = fx.toClose.filter((v) => !taken.has(v.ticket));
  return { batches };
}

/** Closes each batch in one bulk request; every result must be a 200. */
export async function bulkCloseRuns(appUrl, taken) {
  if (!taken) {
    log('bulk close: too few users with a batch of open tickets at this scale; skipped');
    return null;
  }
  log(`bulk close: ${BULK_ROUNDS} requests of ${BULK_SIZE} tickets (after one warm-up request)`);
  const ms = [];
  let errors = 0;
  for (const [i, { user, ids }] of taken.batches.entries()) {
    const started = performance.now();
    const res = await fetch(`${appUrl}/api/tickets/bulk`, {
      method: 'POST',
      headers: bearer(user),
      body: JSON.stringify({ ids, action: { type: 'close' } }),
    });
    const body = await res.json();
    const elapsed = performance.now() - started;
    const failed = res.status === 200 ? body.results.filter((r) => r.status !== 200).length : ids.length;
    if (failed > 0) log(`  bulk close: ${failed} of ${ids.length} not closed (${res.status})`);
    if (i === 0) continue;
    errors += failed;
    ms.push(elapsed);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const result = {
    size: BULK_SIZE,
    rounds: ms.length,
    ms,
    median: sorted[Math.floor(sorted.length / 2)],
    max: sorted.at(-1),
    errors,
  };
  log(`  bulk close of ${BULK_SIZE}: median ${result.median.toFixed(0)} ms, max ${result.max.toFixed(0)} ms`);
  return result;
}
