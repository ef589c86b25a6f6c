import { getStats } from '#sdk';
import { tokenClient } from '../api.mjs';
import { type Command, str, UsageError } from '../cli.mjs';
import { info, printFields, printJson, printTable } from '../output.mjs';

/** `YYYY-MM-DD` of now in a time zone. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

const stats: Command = {
  name: 'stats',
  summary: "The dashboard's figures over your boxes: opened and closed per day, open by priority, overdue.",
  options: {
    from: { type: 'string', value: '<YYYY-MM-DD>', description: 'First date (default: 29 days before --to)' },
    to: { type: 'string', value: '<YYYY-MM-DD>', description: 'Last date (default: today in --tz)' },
    tz: { type: 'string', value: '<zone>', description: "IANA time zone of the dates (default: this machine's)" },
  },
  notes: 'At most 366 days. Example: bw stats --from 2026-03-01 --to 2026-03-31 --tz Europe/Berlin',
  async run(invocation) {
    const tz = str(invocation, 'tz') ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    const to = str(invocation, 'to') ?? today(tz);
    let from = str(invocation, 'from');
    if (from === undefined) {
      const end = Date.parse(`${to}T00:00:00Z`);
      if (Number.isNaN(end)) throw new UsageError('--to must be a date YYYY-MM-DD', 'stats');
      from = new Date(end - 29 * 86_400_000).toISOString().slice(0, 10);
    }
    const { data } = await getStats({
      client: tokenClient(invocation.env),
      query: { from, to, tz },
      throwOnError: true,
    });
    if (invocation.json) return printJson(invocation.out, data);
    printTable(
      invocation.out,
      ['DATE', 'OPENED', 'CLOSED'],
      data.days.map((d) => [d.date, String(d.opened), String(d.closed)]),
    );
    const open = data.open;
    printFields(invocation.out, [
      [
        'Open',
        `${open.urgent + open.high + open.normal + open.low} (urgent ${open.urgent}, high ${open.high}, normal ${open.normal}, low ${open.low})`,
      ],
      ['Overdue', String(data.overdue)],
      ['Median to close', data.medianMinutesToClose === null ? '—' : `${data.medianMinutesToClose} min`],
    ]);
    info(invocation.out, `Dates in ${tz}, ${from} to ${to}.`);
  },
};

export const statsCommands: Command[] = [stats];
