// The demo workspace's people, customers, tickets and comments (seeded by demo-workspace.seeder.ts).

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

/** The demo rows' fixed ids: `00000000-0000-4000-8000-<n>`, n in hundreds per kind. */
export const demoId = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const id = demoId;

/** Customers of the demo user (ids 1xx). */
export const DEMO_CUSTOMERS = [
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
export const COLLEAGUE_CUSTOMERS = [
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
  /** Due this many hours from the seeding (negative: already overdue); absent: no due date. */
  dueHours?: number;
};
/** Tickets in both of the demo user's boxes (ids 2xx); one overdue, four due soon. */
export const DEMO_TICKETS: SeedTicket[] = [
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
    dueHours: -2,
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
    dueHours: 48,
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
    dueHours: 6,
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
    dueHours: 3,
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
    dueHours: 20,
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

export const DEMO_COMMENTS = [
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
