import {
  bulkChangeTickets,
  closeTicket,
  createTicket,
  getMe,
  getTicket,
  listTickets,
  reopenTicket,
  type BulkChangeTicketsDto,
  type TicketDto,
  type TicketBox,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
  type TicketTopic,
  type TicketType,
} from '#sdk';
import { lazyTokenClient, tokenClient } from '../api.mjs';
import { type Command, type Invocation, PAGE_OPTIONS, required, str, UsageError } from '../cli.mjs';
import { info, print, printFields, printJson, printTable, truncate } from '../output.mjs';
import { collect } from '../pages.mjs';

function printTicket(invocation: Invocation, ticket: TicketDto): void {
  if (invocation.json) return printJson(invocation.out, ticket);
  printFields(invocation.out, [
    ['id', ticket.id],
    ['title', ticket.title],
    ['status', ticket.status],
    ['priority', ticket.priority],
    ['type', ticket.type],
    ['topic', ticket.topic],
    ['customer', `${ticket.customer.name} <${ticket.customer.email}>${ticket.customer.deleted ? ' (deleted)' : ''}`],
    ['creator', ticket.creator.username],
    ['assignee', ticket.assignee.username],
    ['created', ticket.createdAt],
    ['updated', ticket.updatedAt],
    ['closed', ticket.closedAt ?? '-'],
    ['due', ticket.dueAt ? `${ticket.dueAt}${ticket.overdue ? ' (overdue)' : ''}` : '-'],
    ['version', String(ticket.version)],
  ]);
  if (ticket.description) print(invocation.out, `\n${ticket.description}`);
}

const list: Command = {
  name: 'tickets list',
  summary: 'List your tickets, newest first (or soonest due with --sort due).',
  options: {
    box: {
      type: 'string',
      value: '<incoming|outgoing|all>',
      description: 'Assigned to you, created by you, or both (default all)',
    },
    status: { type: 'string', value: '<open|pending|closed>', description: 'Only tickets with this status' },
    q: { type: 'string', value: '<text>', description: 'Full-text search over title and description' },
    overdue: { type: 'boolean', description: 'Only overdue tickets (due time passed, open or pending)' },
    sort: {
      type: 'string',
      value: '<newest|oldest|updated|priority|due>',
      description: 'Order (default newest; due: soonest due first)',
    },
    ...PAGE_OPTIONS,
  },
  async run(invocation) {
    const box = str(invocation, 'box') as TicketBox | undefined;
    const status = str(invocation, 'status') as TicketStatus | undefined;
    const q = str(invocation, 'q');
    const sort = str(invocation, 'sort') as TicketSort | undefined;
    const overdue = invocation.options['overdue'] === true ? true : undefined;
    const client = lazyTokenClient(invocation.env);
    const page = await collect(
      invocation,
      'tickets list',
      'tickets',
      async (query) =>
        (
          await listTickets({
            client: client(),
            query: { ...query, box, status, q, sort, overdue },
            throwOnError: true,
          })
        ).data,
    );
    if (invocation.json) return printJson(invocation.out, page);
    printTable(
      invocation.out,
      ['ID', 'STATUS', 'PRIORITY', 'DUE', 'CUSTOMER', 'ASSIGNEE', 'TITLE'],
      page.items.map((t) => [
        t.id,
        t.status,
        t.priority,
        t.dueAt ? `${t.dueAt.slice(0, 16).replace('T', ' ')}${t.overdue ? ' overdue' : ''}` : '-',
        truncate(t.customer.name, 24),
        t.assignee.username,
        truncate(t.title, 60),
      ]),
    );
    if (page.nextCursor && invocation.options['all'] !== true)
      info(invocation.out, `More: bw tickets list --cursor ${page.nextCursor} (or --all)`);
  },
};

const show: Command = {
  name: 'tickets show',
  summary: 'Show one ticket.',
  args: ['<id>'],
  async run(invocation) {
    const { data } = await getTicket({
      client: tokenClient(invocation.env),
      path: { id: invocation.positionals[0] ?? '' },
      throwOnError: true,
    });
    printTicket(invocation, data);
  },
};

const create: Command = {
  name: 'tickets create',
  summary: 'Open a ticket for one of your customers.',
  options: {
    title: { type: 'string', value: '<text>', description: 'Title, 1 to 200 characters (required)' },
    customer: { type: 'string', value: '<id>', description: 'One of your customers (required; see bw customers list)' },
    assignee: { type: 'string', value: '<user id|me>', description: 'Who works on it (default me)' },
    description: { type: 'string', value: '<text>', description: 'Description, up to 10000 characters' },
    type: { type: 'string', value: '<question|incident|problem|task>', description: 'Default question' },
    priority: { type: 'string', value: '<low|normal|high|urgent>', description: 'Default normal' },
    topic: { type: 'string', value: '<general|billing|technical|…>', description: 'Default general' },
    due: {
      type: 'string',
      value: '<iso time|none>',
      description: 'Due time, e.g. 2026-12-03T17:00:00Z (default: your due policy; none: no due date)',
    },
    'idempotency-key': {
      type: 'string',
      value: '<key>',
      description: 'Retrying with the same key creates the ticket once',
    },
  },
  async run(invocation) {
    const title = required(invocation, 'title', 'tickets create');
    const customerId = required(invocation, 'customer', 'tickets create');
    const client = tokenClient(invocation.env);
    let assigneeId = str(invocation, 'assignee') ?? 'me';
    if (assigneeId === 'me') assigneeId = (await getMe({ client, throwOnError: true })).data.user.id;
    const key = str(invocation, 'idempotency-key');
    const due = str(invocation, 'due');
    const { data } = await createTicket({
      client,
      body: {
        title,
        customerId,
        assigneeId,
        description: str(invocation, 'description'),
        type: (str(invocation, 'type') ?? 'question') as TicketType,
        priority: (str(invocation, 'priority') ?? 'normal') as TicketPriority,
        topic: (str(invocation, 'topic') ?? 'general') as TicketTopic,
        ...(due === undefined ? {} : { dueAt: due === 'none' ? null : due }),
      },
      ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
      throwOnError: true,
    });
    if (invocation.json) return printJson(invocation.out, data);
    print(invocation.out, `Created ticket ${data.id}: ${data.title}`);
  },
};

function transition(name: 'close' | 'reopen'): Command {
  return {
    name: `tickets ${name}`,
    summary:
      name === 'close'
        ? 'Mark a ticket as complete (closing a closed ticket is an error).'
        : 'Set a closed ticket back to open.',
    args: ['<id>'],
    async run(invocation) {
      const options = {
        client: tokenClient(invocation.env),
        path: { id: invocation.positionals[0] ?? '' },
        throwOnError: true as const,
      };
      const { data } = name === 'close' ? await closeTicket(options) : await reopenTicket(options);
      if (invocation.json) return printJson(invocation.out, data);
      print(invocation.out, `${name === 'close' ? 'Closed' : 'Reopened'} ticket ${data.id}: ${data.title}`);
    },
  };
}

const BULK_ACTIONS = ['close', 'reopen', 'set_priority', 'set_status', 'set_assignee', 'apply_macro', 'delete'];
const BULK_VALUES = new Set(['set_priority', 'set_status', 'set_assignee', 'apply_macro']);

const bulk: Command = {
  name: 'tickets bulk',
  summary: 'Apply one action to up to 100 tickets, each as its own command would.',
  args: ['<action>'],
  options: {
    ids: { type: 'string', value: '<id,id,…>', description: 'The tickets, comma-separated (required)' },
    value: {
      type: 'string',
      value: '<value>',
      description: 'The priority or status, the user id (set_assignee) or the macro id (apply_macro)',
    },
  },
  notes: `Actions: ${BULK_ACTIONS.join(', ')}. Prints one line per ticket, in the order given; exit code 1 when any ticket was not changed.`,
  async run(invocation) {
    const type = invocation.positionals[0] ?? '';
    if (!BULK_ACTIONS.includes(type)) throw new UsageError(`Unknown action "${type}".`, 'tickets bulk');
    const value = str(invocation, 'value');
    if (BULK_VALUES.has(type) && value === undefined) throw new UsageError(`${type} needs --value.`, 'tickets bulk');
    const ids = required(invocation, 'ids', 'tickets bulk')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const action = (value === undefined ? { type } : { type, value }) as BulkChangeTicketsDto['action'];
    const { data } = await bulkChangeTickets({
      client: tokenClient(invocation.env),
      body: { ids, action },
      throwOnError: true,
    });
    const failed = data.results.filter((r) => r.problem);
    if (invocation.json) printJson(invocation.out, data);
    else
      printTable(
        invocation.out,
        ['ID', 'STATUS', 'RESULT'],
        data.results.map((r) => [
          r.id,
          String(r.status),
          r.problem
            ? `${r.problem.detail}${r.problem.code ? ` (${r.problem.code})` : ''}`
            : r.ticket
              ? `${r.ticket.status}, ${r.ticket.priority}, ${r.ticket.assignee.username}: ${truncate(r.ticket.title, 40)}`
              : 'deleted',
        ]),
      );
    if (failed.length > 0) throw new Error(`${failed.length} of ${data.results.length} tickets were not changed.`);
  },
};

export const ticketCommands: Command[] = [list, show, create, transition('close'), transition('reopen'), bulk];
