import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { DEMO_USER, PasswordHasher } from '../../modules/identity';

/** Fixed ids make the demo data idempotent: every boot re-applies it with `on conflict do nothing`. */
export const DEMO_IDS = {
  demo: '00000000-0000-4000-8000-000000000001',
  alex: '00000000-0000-4000-8000-000000000002',
  sam: '00000000-0000-4000-8000-000000000003',
} as const;

export const DEMO_COLLEAGUES = [
  { id: DEMO_IDS.alex, email: 'alex@balanced.workspace', username: 'alex.support' },
  { id: DEMO_IDS.sam, email: 'sam@balanced.workspace', username: 'sam.it' },
];

/**
 * Seeds the demo workspace: the demo user (who logs in only through POST /api/auth/demo — its
 * password is random and never stored anywhere) and colleagues to assign tickets to. Each slice
 * adds its sample data here. Safe to run on every boot and from several instances at once.
 */
const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** Customers of the demo user (ids 1xx). */
const DEMO_CUSTOMERS = [
  {
    id: id(101),
    name: 'Grace Hopper',
    email: 'grace@navy-systems.example',
    phone: '+1 202 555 0143',
    company: 'Navy Systems',
    notes: 'Prefers email. Invented the compiler, expects answers that compile too.',
  },
  {
    id: id(102),
    name: 'Linus Brandt',
    email: 'linus@kernelworks.example',
    phone: null,
    company: 'Kernelworks',
    notes: 'Office manager; orders supplies for 40 people.',
  },
  {
    id: id(103),
    name: 'Margaret Hamilton',
    email: 'margaret@apollo-software.example',
    phone: '+1 617 555 0199',
    company: 'Apollo Software',
    notes: null,
  },
  {
    id: id(104),
    name: 'Katherine Johnson',
    email: 'katherine@orbit-analytics.example',
    phone: null,
    company: 'Orbit Analytics',
    notes: 'Billing contact for the yearly plan.',
  },
];
/** Customers of the colleagues, for tickets they send to the demo user. */
const COLLEAGUE_CUSTOMERS = [
  {
    id: id(151),
    ownerId: DEMO_IDS.alex,
    name: 'Ada Lovelace',
    email: 'ada@analytical.example',
    company: 'Analytical Engines',
  },
  {
    id: id(152),
    ownerId: DEMO_IDS.sam,
    name: 'Alan Turing',
    email: 'alan@bletchley.example',
    company: 'Bletchley Labs',
  },
];

type SeedTicket = {
  id: string;
  creatorId: string;
  assigneeId: string;
  customerId: string;
  title: string;
  description: string;
  type: string;
  priority: string;
  topic: string;
  status: string;
  daysAgo: number;
};
/** Tickets in both of the demo user's boxes (ids 2xx). */
const DEMO_TICKETS: SeedTicket[] = [
  {
    id: id(201),
    creatorId: DEMO_IDS.demo,
    assigneeId: DEMO_IDS.alex,
    customerId: id(101),
    title: 'Cannot log in to the billing portal',
    description: 'Grace gets "session expired" right after entering her password. Started this morning.',
    type: 'incident',
    priority: 'high',
    topic: 'account',
    status: 'open',
    daysAgo: 1,
  },
  {
    id: id(202),
    creatorId: DEMO_IDS.demo,
    assigneeId: DEMO_IDS.sam,
    customerId: id(102),
    title: 'Order 40 ergonomic chairs',
    description: 'Kernelworks moves floors next month and needs chairs delivered before the 15th.',
    type: 'task',
    priority: 'normal',
    topic: 'office_supplies',
    status: 'pending',
    daysAgo: 3,
  },
  {
    id: id(203),
    creatorId: DEMO_IDS.demo,
    assigneeId: DEMO_IDS.demo,
    customerId: id(103),
    title: "Export of last quarter's invoices",
    description: 'Margaret needs the Q3 invoices as one PDF for her auditors.',
    type: 'question',
    priority: 'low',
    topic: 'billing',
    status: 'closed',
    daysAgo: 9,
  },
  {
    id: id(204),
    creatorId: DEMO_IDS.demo,
    assigneeId: DEMO_IDS.alex,
    customerId: id(104),
    title: 'Yearly plan renewal quote',
    description: 'Katherine asks for a renewal quote with the new seat count (120).',
    type: 'task',
    priority: 'normal',
    topic: 'billing',
    status: 'open',
    daysAgo: 2,
  },
  {
    id: id(205),
    creatorId: DEMO_IDS.alex,
    assigneeId: DEMO_IDS.demo,
    customerId: id(151),
    title: 'VPN drops every 20 minutes',
    description:
      "Ada's VPN client disconnects every 20 minutes since the last update. Logs attached to the customer record.",
    type: 'problem',
    priority: 'urgent',
    topic: 'technical',
    status: 'open',
    daysAgo: 0,
  },
  {
    id: id(206),
    creatorId: DEMO_IDS.sam,
    assigneeId: DEMO_IDS.demo,
    customerId: id(152),
    title: 'New hire laptop setup',
    description: 'Alan starts Monday: laptop, accounts and a desk on the second floor.',
    type: 'task',
    priority: 'high',
    topic: 'hr',
    status: 'open',
    daysAgo: 1,
  },
  {
    id: id(207),
    creatorId: DEMO_IDS.sam,
    assigneeId: DEMO_IDS.demo,
    customerId: id(152),
    title: 'Meeting room projector flickers',
    description: 'Room "Enigma" projector flickers on HDMI. Tried two cables.',
    type: 'incident',
    priority: 'low',
    topic: 'facilities',
    status: 'closed',
    daysAgo: 6,
  },
];

const DEMO_COMMENTS = [
  {
    id: id(301),
    ticketId: id(205),
    authorId: DEMO_IDS.alex,
    body: 'Happens on both Wi-Fi and cable, so probably not the network.',
    minutesAgo: 50,
  },
  {
    id: id(302),
    ticketId: id(205),
    authorId: DEMO_IDS.demo,
    body: 'Thanks Alex, I will check the client version and the keep-alive settings.',
    minutesAgo: 30,
  },
  {
    id: id(303),
    ticketId: id(201),
    authorId: DEMO_IDS.alex,
    body: 'Looks like her cookies are blocked by a browser extension. Asked her to try a private window.',
    minutesAgo: 120,
  },
];

/** Macros (ids 4xx): the demo user's own, and one a colleague shares with everyone. */
const DEMO_MACROS = [
  {
    id: id(401),
    ownerId: DEMO_IDS.demo,
    name: 'Escalate to urgent',
    description: 'Raise the priority and tell the customer who is on it.',
    availableFor: 'personal',
    actions: [
      { type: 'set_priority', value: 'urgent' },
      {
        type: 'add_comment',
        value: 'Hi {{customer.name}}, we escalated "{{ticket.title}}". {{assignee.username}} is on it now.',
      },
    ],
  },
  {
    id: id(402),
    ownerId: DEMO_IDS.demo,
    name: 'Office supplies request',
    description: 'Route supply orders to Sam and acknowledge.',
    availableFor: 'personal',
    actions: [
      { type: 'set_topic', value: 'office_supplies' },
      { type: 'set_type', value: 'task' },
      { type: 'set_assignee', value: DEMO_IDS.sam },
      { type: 'add_comment', value: 'Thanks {{customer.name}}, your order is with our office team.' },
    ],
  },
  {
    id: id(403),
    ownerId: DEMO_IDS.alex,
    name: 'Solved — close with thanks',
    description: 'Shared by Alex: close the ticket with a friendly note.',
    availableFor: 'everyone',
    actions: [
      {
        type: 'add_comment',
        value: 'Glad we could help, {{customer.name}}! Closing "{{ticket.title}}" — reply any time to reopen it.',
      },
      { type: 'set_status', value: 'closed' },
    ],
  },
];

/** Triggers (ids 5xx) of the demo user. */
const DEMO_TRIGGERS = [
  {
    id: id(501),
    name: 'Tell the assignee when I close a ticket',
    event: 'ticket.closed',
    conditions: {},
    recipient: { kind: 'ticket_assignee' },
    message: '{{current_user.username}} closed "{{ticket.title}}" for {{customer.name}}.',
    active: true,
  },
  {
    id: id(502),
    name: 'Urgent closes to Alex',
    event: 'ticket.closed',
    conditions: { priority: ['high', 'urgent'] },
    recipient: { kind: 'user', userId: DEMO_IDS.alex },
    message: 'Heads-up: urgent ticket "{{ticket.title}}" ({{customer.email}}) was closed at {{event.at}}.',
    active: true,
  },
  {
    id: id(503),
    name: 'Customer removed',
    event: 'customer.deleted',
    conditions: {},
    recipient: { kind: 'user', userId: DEMO_IDS.sam },
    message: '{{current_user.username}} removed customer {{customer.name}} <{{customer.email}}>.',
    active: false,
  },
];

/** Messages (ids 6xx) as the triggers above (and a colleague's) would have sent them. */
const DEMO_MESSAGES = [
  {
    id: id(601),
    senderId: DEMO_IDS.demo,
    receiverId: DEMO_IDS.demo,
    triggerId: id(501),
    event: 'ticket.closed',
    ticketId: id(203),
    body: 'demo closed "Export of last quarter\'s invoices" for Margaret Hamilton.',
    hoursAgo: 200,
    read: true,
  },
  {
    id: id(602),
    senderId: DEMO_IDS.sam,
    receiverId: DEMO_IDS.demo,
    triggerId: id(551),
    event: 'ticket.closed',
    ticketId: id(207),
    body: 'demo closed "Meeting room projector flickers" — thanks for taking care of it!',
    hoursAgo: 140,
    read: false,
  },
  {
    id: id(603),
    senderId: DEMO_IDS.alex,
    receiverId: DEMO_IDS.demo,
    triggerId: id(552),
    event: 'ticket.created',
    ticketId: id(205),
    body: 'New urgent ticket for you: "VPN drops every 20 minutes".',
    hoursAgo: 1,
    read: false,
  },
];
/** Colleagues' triggers behind the messages they sent the demo user. */
const COLLEAGUE_TRIGGERS = [
  {
    id: id(551),
    ownerId: DEMO_IDS.sam,
    name: 'Thank whoever closes my tickets',
    event: 'ticket.closed',
    conditions: {},
    recipient: { kind: 'ticket_assignee' },
    message: '{{current_user.username}} closed "{{ticket.title}}" — thanks for taking care of it!',
  },
  {
    id: id(552),
    ownerId: DEMO_IDS.alex,
    name: 'Urgent tickets to the assignee',
    event: 'ticket.created',
    conditions: { priority: ['urgent'] },
    recipient: { kind: 'ticket_assignee' },
    message: 'New urgent ticket for you: "{{ticket.title}}".',
  },
];

export async function seedDemoWorkspace(em: EntityManager, hasher: PasswordHasher): Promise<void> {
  const conn = em.getConnection();
  const users = [{ id: DEMO_IDS.demo, email: DEMO_USER.email, username: DEMO_USER.username }, ...DEMO_COLLEAGUES];
  const existing = await conn.execute<{ id: string }[]>(
    `select id from users where id in (?, ?, ?)`,
    users.map((u) => u.id),
  );
  const have = new Set(existing.map((r) => r.id));
  for (const user of users) {
    if (have.has(user.id)) continue;
    const hash = await hasher.hash(randomBytes(32).toString('base64url'));
    await conn.execute(
      `insert into users (id, email, username, password_hash, created_at) values (?, ?, ?, ?, now() - interval '30 days')
       on conflict do nothing`,
      [user.id, user.email, user.username, hash],
    );
  }

  for (const c of DEMO_CUSTOMERS) {
    await conn.execute(
      `insert into customers (id, owner_id, name, email, phone, company, notes, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, now() - interval '20 days', now() - interval '20 days') on conflict do nothing`,
      [c.id, DEMO_IDS.demo, c.name, c.email, c.phone, c.company, c.notes],
    );
  }
  for (const c of COLLEAGUE_CUSTOMERS) {
    await conn.execute(
      `insert into customers (id, owner_id, name, email, company, created_at, updated_at)
       values (?, ?, ?, ?, ?, now() - interval '20 days', now() - interval '20 days') on conflict do nothing`,
      [c.id, c.ownerId, c.name, c.email, c.company],
    );
  }
  for (const t of DEMO_TICKETS) {
    await conn.execute(
      `insert into tickets (id, creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, created_at, updated_at, closed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() - make_interval(days => ?), now() - make_interval(days => ?),
               case when ? = 'closed' then now() - make_interval(days => ?) + interval '4 hours' end)
       on conflict do nothing`,
      [
        t.id,
        t.creatorId,
        t.assigneeId,
        t.customerId,
        t.title,
        t.description,
        t.type,
        t.priority,
        t.topic,
        t.status,
        t.daysAgo,
        t.daysAgo,
        t.status,
        t.daysAgo,
      ],
    );
  }
  for (const m of DEMO_MACROS) {
    await conn.execute(
      `insert into macros (id, owner_id, name, description, available_for, actions, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?::jsonb, now() - interval '15 days', now() - interval '15 days') on conflict do nothing`,
      [m.id, m.ownerId, m.name, m.description, m.availableFor, JSON.stringify(m.actions)],
    );
  }
  for (const t of [
    ...DEMO_TRIGGERS.map((t) => ({ ...t, ownerId: DEMO_IDS.demo })),
    ...COLLEAGUE_TRIGGERS.map((t) => ({ ...t, active: true })),
  ]) {
    await conn.execute(
      `insert into triggers (id, owner_id, name, event, conditions, recipient, message, active, created_at, updated_at)
       values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, now() - interval '14 days', now() - interval '14 days') on conflict do nothing`,
      [
        t.id,
        t.ownerId,
        t.name,
        t.event,
        JSON.stringify(t.conditions),
        JSON.stringify(t.recipient),
        t.message,
        t.active,
      ],
    );
  }
  for (const m of DEMO_MESSAGES) {
    await conn.execute(
      `insert into messages (id, sender_id, receiver_id, body, trigger_id, event, event_id, ticket_id, created_at, read_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now() - make_interval(hours => ?), case when ? then now() - make_interval(hours => ?) + interval '1 hour' end)
       on conflict do nothing`,
      [m.id, m.senderId, m.receiverId, m.body, m.triggerId, m.event, m.id, m.ticketId, m.hoursAgo, m.read, m.hoursAgo],
    );
  }
  for (const c of DEMO_COMMENTS) {
    await conn.execute(
      `insert into ticket_comments (id, ticket_id, author_id, body, created_at) values (?, ?, ?, ?, now() - make_interval(mins => ?)) on conflict do nothing`,
      [c.id, c.ticketId, c.authorId, c.body, c.minutesAgo],
    );
  }
}
