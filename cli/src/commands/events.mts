import { liveEvents, type LiveRetry } from '#sdk';
import { apiToken, serverUrl } from '../api.mjs';
import { type Command, str, UsageError } from '../cli.mjs';
import { info } from '../output.mjs';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const eventsCommand: Command = {
  name: 'events',
  summary: 'Follow the live events you may see, one JSON object per line, until Ctrl-C.',
  options: {
    since: { type: 'string', value: '<id>', description: 'Resume after this event id (sent as Last-Event-ID)' },
  },
  notes: `Each line on stdout is {"id", "event", "data"}: id is null for presence and reset (they are not in
the log). A lost connection is resumed after the last id received (a note on stderr), so no event is
missed or repeated; "reset" means the id is too old or unknown: reload what you keep, then read on.
The output is JSON lines with or without --json. Ctrl-C (SIGINT) or SIGTERM ends it with exit 0.
  bw events | jq -c 'select(.event == "ticket.created") | .data.ticket.title'`,
  async run(invocation) {
    const since = str(invocation, 'since');
    if (since !== undefined && since.trim() === '') throw new UsageError('--since needs an event id.', 'events');
    const { out, env } = invocation;
    const token = apiToken(env);
    const stop = new AbortController();
    const end = () => stop.abort();
    // `bw events | head -1`: a closed stdout ends the command quietly, as Ctrl-C does.
    const closed = (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? end() : undefined);
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
    out.stdout.on('error', closed);
    let opened = false;
    try {
      const stream = liveEvents({
        baseUrl: serverUrl(env),
        token,
        ...(since ? { lastEventId: since.trim() } : {}),
        signal: stop.signal,
        onOpen: () => {
          if (opened) info(out, 'bw: reconnected.');
          opened = true;
        },
        onRetry: (retry: LiveRetry) => {
          // Never connected: a wrong URL or a server that is down fails now (exit 1), as other commands do.
          if (!opened && retry.reason === 'network') throw retry.error;
          const why = retry.reason === 'status' ? `status ${retry.status}` : retry.reason;
          const after = retry.lastEventId ? ` after ${retry.lastEventId}` : '';
          info(out, `bw: stream lost (${why}); reconnecting${after} in ${seconds(retry.delayMs)}…`);
        },
      });
      for await (const event of stream) {
        if (stop.signal.aborted) break;
        out.stdout.write(`${JSON.stringify({ id: event.id ?? null, event: event.event, data: event.data })}\n`);
      }
    } finally {
      process.off('SIGINT', end);
      process.off('SIGTERM', end);
      out.stdout.off('error', closed);
    }
  },
};
