import { listMessages, type MessageBox } from '#sdk';
import { lazyTokenClient } from '../api.mjs';
import { type Command, PAGE_OPTIONS, str } from '../cli.mjs';
import { info, printJson, printTable, truncate } from '../output.mjs';
import { collect } from '../pages.mjs';

const list: Command = {
  name: 'messages list',
  summary: 'List the messages triggers sent you (or that you sent), newest first.',
  options: { box: { type: 'string', value: '<inbox|sent>', description: 'Default inbox' }, ...PAGE_OPTIONS },
  async run(invocation) {
    const box = str(invocation, 'box') as MessageBox | undefined;
    const client = lazyTokenClient(invocation.env);
    const page = await collect(
      invocation,
      'messages list',
      'messages',
      async (query) => (await listMessages({ client: client(), query: { ...query, box }, throwOnError: true })).data,
    );
    if (invocation.json) return printJson(invocation.out, page);
    printTable(
      invocation.out,
      ['ID', 'FROM', 'TO', 'READ', 'SENT', 'BODY'],
      page.items.map((m) => [
        m.id,
        m.sender.username,
        m.receiver.username,
        m.readAt ? 'yes' : 'no',
        m.createdAt,
        truncate(m.body, 60),
      ]),
    );
    if (page.nextCursor && invocation.options['all'] !== true)
      info(invocation.out, `More: bw messages list --cursor ${page.nextCursor} (or --all)`);
  },
};

export const messageCommands: Command[] = [list];
