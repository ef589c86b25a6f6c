// The demo workspace's macros, triggers and the messages they sent (seeded by demo-workspace.seeder.ts).
import { DEMO_IDS, demoId as id } from './demo-workspace.data';

/** Macros (ids 4xx): the demo user's own, and one a colleague shares with everyone. */
export const DEMO_MACROS = [
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

/**
 * The demo user's webhook (id 901): inactive, so nothing is ever sent to the example URL; its
 * secret is made at seeding and never shown (a real webhook shows it once, at creation).
 */
export const DEMO_WEBHOOK = {
  id: id(901),
  name: 'Team chat (example)',
  url: 'https://example.com/hooks/helpdesk',
  active: false,
};

/** Triggers (ids 5xx) of the demo user. */
export const DEMO_TRIGGERS = [
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
  {
    id: id(504),
    name: 'Urgent closes to the team chat',
    event: 'ticket.closed',
    conditions: { priority: ['urgent'] },
    recipient: { kind: 'webhook', webhookId: DEMO_WEBHOOK.id },
    message: '{{current_user.username}} closed urgent ticket "{{ticket.title}}" for {{customer.name}}.',
    active: true,
  },
  {
    id: id(505),
    name: 'Overdue tickets I created',
    event: 'ticket.overdue',
    conditions: {},
    recipient: { kind: 'ticket_creator' },
    message: '"{{ticket.title}}" for {{customer.name}} is overdue; {{assignee.username}} has it.',
    active: true,
  },
];

/** The demo user's due policy: minutes per priority (low tickets get no due date). */
export const DEMO_DUE_POLICY = { urgent: 240, high: 1440, normal: 4320, low: null };

/** Messages (ids 6xx) as the triggers above (and a colleague's) would have sent them. */
export const DEMO_MESSAGES = [
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
export const COLLEAGUE_TRIGGERS = [
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
