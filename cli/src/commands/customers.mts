import { createCustomer, listCustomers } from '#sdk';
import { lazyTokenClient, tokenClient } from '../api.mjs';
import { type Command, PAGE_OPTIONS, required, str } from '../cli.mjs';
import { info, print, printJson, printTable, truncate } from '../output.mjs';
import { collect } from '../pages.mjs';

const list: Command = {
  name: 'customers list',
  summary: 'List your customers, newest first.',
  options: { q: { type: 'string', value: '<text>', description: 'Match name or email' }, ...PAGE_OPTIONS },
  async run(invocation) {
    const q = str(invocation, 'q');
    const client = lazyTokenClient(invocation.env);
    const page = await collect(
      invocation,
      'customers list',
      'customers',
      async (query) => (await listCustomers({ client: client(), query: { ...query, q }, throwOnError: true })).data,
    );
    if (invocation.json) return printJson(invocation.out, page);
    printTable(
      invocation.out,
      ['ID', 'NAME', 'EMAIL', 'COMPANY'],
      page.items.map((c) => [c.id, truncate(c.name, 32), c.email, truncate(c.company ?? '', 32)]),
    );
    if (page.nextCursor && invocation.options['all'] !== true)
      info(invocation.out, `More: bw customers list --cursor ${page.nextCursor} (or --all)`);
  },
};

const create: Command = {
  name: 'customers create',
  summary: 'Add a customer.',
  options: {
    name: { type: 'string', value: '<name>', description: 'Required' },
    email: { type: 'string', value: '<email>', description: 'Required' },
    phone: { type: 'string', value: '<phone>', description: 'Optional' },
    company: { type: 'string', value: '<company>', description: 'Optional' },
    notes: { type: 'string', value: '<text>', description: 'Optional' },
    'idempotency-key': {
      type: 'string',
      value: '<key>',
      description: 'Retrying with the same key creates the customer once',
    },
  },
  async run(invocation) {
    const key = str(invocation, 'idempotency-key');
    const { data } = await createCustomer({
      client: tokenClient(invocation.env),
      body: {
        name: required(invocation, 'name', 'customers create'),
        email: required(invocation, 'email', 'customers create'),
        phone: str(invocation, 'phone'),
        company: str(invocation, 'company'),
        notes: str(invocation, 'notes'),
      },
      ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
      throwOnError: true,
    });
    if (invocation.json) return printJson(invocation.out, data);
    print(invocation.out, `Created customer ${data.id}: ${data.name} <${data.email}>`);
  },
};

export const customerCommands: Command[] = [list, create];
