// The bench's command line: `npm run bench -- --help` prints USAGE.
import { SCALES } from '../../tools/seed-scale.mjs';

export const USAGE = `Usage: npm run bench -- [options]

Options:
  --scale small|large   data set (tools/seed-scale.mjs); default small
  --duration <s>        seconds per measured run; default 10 (each run is preceded by a 1 s warm-up)
  --connections <n>     connections of the fixed-connection runs; default 32
  --rounds <n>          baseline/app pairs per read endpoint, run back to back; default 3 (the
                        ratio is the median of the pairs' ratios, so a noisy moment skews one pair)
  --rate <req/s>        overall rate of the fixed-rate mixed run (during which the close→message
                        latency is probed); default 200
  --latency-rate <r/s>  rate of the open-loop latency run of each list page and one ticket; default 200
  --search-rate <r/s>   rate of the open-loop latency run of search; default 100
  --counts-rate <r/s>   rate of the open-loop run of the saved view counts (10 views per user); default 20
                        (the UI asks once per user after a burst of ticket events or a navigation)
  --stats-rate <r/s>    rate of the open-loop run of GET /api/stats in \`npm run bench:stats\`; default 20
                        (one dashboard of a user with 100k tickets, opened or refreshed by its viewers)
  --warmup <s>          seconds of warm-up per server and endpoint before anything is measured; default 8
                        (the app's JIT takes tens of seconds to settle on a mixed load)
  --streams <n>         live streams held open on the API in the streams runs (issue 14); default 5 per
                        bench user, 1000 at large (the issue's figure), 100 at small: each change goes
                        to the streams of its creator and assignee, so the fan-out per change is the same
  --change-rate <r/s>   rate of the changes (PATCH, comment, close) while the streams are open; default 200
  --due <n>             tickets falling due at once in \`npm run bench:overdue\`; default 5,000 (small),
                        100,000 (large); open tickets are copied when the data set has fewer
  --reseed              re-create the database even if it already holds this scale
  --keep-db             keep the database afterwards (default: small is dropped, large is kept)
  --strict              exit 1 when a target from the issue is missed (errors always exit 1)
  --help                print this and exit
Environment:
  BENCH_ADMIN_URL       a maintenance connection; default postgres://postgres@127.0.0.1:5432/postgres
  BENCH_DATABASE_URL    use this database instead of creating bw_bench_<scale> (seeded if empty)`;

/** The options of one run; `help` is true when --help was given (nothing else is checked then). */
export function parseArgs(argv) {
  const a = {
    scale: 'small',
    duration: 10,
    connections: 32,
    rounds: 3,
    rate: 200,
    latencyRate: 200,
    searchRate: 100,
    countsRate: 20,
    statsRate: 20,
    warmup: 8,
    streams: undefined,
    changeRate: 200,
    due: undefined,
    reseed: false,
    keepDb: undefined,
    strict: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split('=');
    const val = () => inline ?? argv[++i];
    if (k === '--scale') a.scale = val();
    else if (k === '--duration') a.duration = Number(val());
    else if (k === '--connections') a.connections = Number(val());
    else if (k === '--rate') a.rate = Number(val());
    else if (k === '--latency-rate') a.latencyRate = Number(val());
    else if (k === '--search-rate') a.searchRate = Number(val());
    else if (k === '--counts-rate') a.countsRate = Number(val());
    else if (k === '--stats-rate') a.statsRate = Number(val());
    else if (k === '--warmup') a.warmup = Number(val());
    else if (k === '--rounds') a.rounds = Number(val());
    else if (k === '--streams') a.streams = Number(val());
    else if (k === '--change-rate') a.changeRate = Number(val());
    else if (k === '--due') a.due = Number(val());
    else if (k === '--reseed') a.reseed = true;
    else if (k === '--keep-db') a.keepDb = true;
    else if (k === '--strict') a.strict = true;
    else if (k === '--help' || k === '-h') return { help: true };
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!SCALES[a.scale]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  if (
    ![
      a.duration,
      a.connections,
      a.rate,
      a.latencyRate,
      a.searchRate,
      a.countsRate,
      a.statsRate,
      a.streams ?? 1,
      a.changeRate,
      a.due ?? 1,
    ].every((x) => x > 0) ||
    !(a.warmup >= 0) ||
    !(Number.isInteger(a.rounds) && a.rounds > 0)
  )
    throw new Error('--duration, --connections, --rounds, --streams and the rates must be positive');
  a.keepDb ??= a.scale === 'large';
  a.streams ??= 5 * SCALES[a.scale].users;
  return a;
}
