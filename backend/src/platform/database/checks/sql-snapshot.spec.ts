/* eslint-disable no-restricted-imports -- the snapshot renders every module's statements, so it reads every persistence room */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as customers from '../../../modules/customers/persistence/customer.statements';
import * as identity from '../../../modules/identity/persistence/identity.statements';
import * as macros from '../../../modules/macros/persistence/macro.statements';
import * as messaging from '../../../modules/messaging/persistence/messaging.statements';
import * as stats from '../../../modules/stats/persistence/stats.statements';
import * as savedViews from '../../../modules/tickets/persistence/saved-views.statements';
import * as duePolicies from '../../../modules/tickets/persistence/due-policy.statements';
import * as overdue from '../../../modules/tickets/persistence/overdue.statements';
import * as overdueSnapshot from '../../../modules/tickets/persistence/overdue-snapshot.statements';
import * as tickets from '../../../modules/tickets/persistence/ticket.statements';
import { searchTerms } from '../../../modules/tickets/domain/ticket-search';
import * as webhooks from '../../../modules/webhooks/persistence/webhooks.statements';
import * as idempotency from '../../http/idempotency/persistence/idempotency.statements';
import * as live from '../../live/persistence/live.statements';
import * as outbox from '../../outbox/persistence/outbox.statements';
import { registerInterest } from '../../outbox/event-interest';
import { OutboxEvent } from '../../outbox/outbox-event.entity';
import { Sql, sql } from '../sql';

/**
 * Every named statement rendered with sample values into docs/sql/statements.sql (immich keeps
 * such a snapshot too), so a change to SQL shows up in review as a diff of SQL. The test fails on
 * drift; `UPDATE_SQL_SNAPSHOT=1 npx jest -c backend/jest.config.cjs sql-snapshot` rewrites the file.
 */
const SNAPSHOT = path.resolve(__dirname, '../../../../../docs/sql/statements.sql');

const at = new Date('2026-12-01T10:00:00.000Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const after = { createdAt: at, id: id(9) };
const ticket = {
  id: id(1),
  number: 1042,
  creatorId: id(2),
  assigneeId: id(3),
  customerId: id(4),
  title: 'Printer',
  description: 'Jammed',
  type: 'task' as const,
  priority: 'normal' as const,
  topic: 'general' as const,
  status: 'open' as const,
  photoUrl: null,
  version: 1,
  createdAt: at,
  updatedAt: at,
  closedAt: null,
  dueAt: new Date('2026-12-02T10:00:00.000Z'),
};
const closed = { ...ticket, status: 'closed' as const, closedAt: at, updatedAt: new Date(at.getTime() + 1000) };
const snapshotNames = {
  users: new Map([
    [id(2), { username: 'ada' }],
    [id(3), { username: 'bob' }],
  ]),
  customers: new Map([[id(4), { name: 'Acme', email: 'ops@acme.example', deleted: false }]]),
};
const event = Object.assign(new OutboxEvent('ticket.closed', { ticket: { id: id(1) } }, id(2)), {
  id: id(5),
  occurredAt: at,
  nextAttemptAt: at,
});
// As the messaging module's handler declares it: an event of a name nobody handles is written delivered.
registerInterest('ticket.closed', messaging.triggersListen('ticket.closed'));
registerInterest('ticket.overdue', messaging.triggersListen('ticket.overdue'));
const updated = Object.assign(new OutboxEvent('ticket.updated', { ticket: { id: id(1) } }, id(2)), {
  id: id(8),
  occurredAt: at,
  nextAttemptAt: at,
});
const position = { tx: 1001n, seq: 42n };
const message = {
  id: id(6),
  senderId: id(2),
  receiverId: id(3),
  body: 'Closed',
  triggerId: id(7),
  event: 'ticket.closed',
  eventId: id(5),
  ticketId: id(1),
  customerId: null,
  handler: 'send',
};

/** Sample calls, one per exported statement; a statement without one fails the test. */
const SAMPLES: Record<string, Record<string, () => Sql>> = {
  tickets: {
    visibleTo: () => tickets.visibleTo(id(2)),
    selectVisibleTicket: () => tickets.selectVisibleTicket(id(2), id(1)),
    ticketIsVisible: () => tickets.ticketIsVisible(id(2), id(1)),
    boxFilter: () =>
      tickets.boxFilter(
        'assignee_id',
        id(2),
        {
          status: 'open',
          priority: ['urgent', 'high'],
          type: ['incident'],
          topic: ['billing', 'hr'],
          customerId: id(4),
          assigneeId: id(2),
          overdue: true,
        },
        'priority',
        { ...after, key: 4 },
        tickets.notCreatedBy(id(2)),
      ),
    sortOrder: () => tickets.sortOrder('updated'),
    afterSorted: () => tickets.afterSorted('updated', { ...after, key: at.toISOString() }),
    notCreatedBy: () => tickets.notCreatedBy(id(2)),
    dueSortOrder: () => tickets.sortOrder('due'),
    afterDueSorted: () => tickets.afterSorted('due', { ...after, key: 'infinity' }),
    boxPage: () =>
      tickets.boxPage(
        [
          tickets.boxFilter('creator_id', id(2), {}, 'newest', after),
          tickets.boxFilter('assignee_id', id(2), {}, 'newest', after, tickets.notCreatedBy(id(2))),
        ],
        'newest',
        11,
      ),
    searchWindow: () =>
      tickets.searchWindow(
        tickets.boxFilter('creator_id', id(2), {}, 'newest', null),
        searchTerms('lapt inv')!,
        'newest',
        400,
        11,
      ),
    searchBox: () =>
      tickets.searchBox(
        tickets.boxFilter('creator_id', id(2), {}, 'oldest', null),
        searchTerms('#1042')!,
        'oldest',
        11,
      ),
    nextTicketNumbers: () => tickets.nextTicketNumbers(3),
    createdByPage: () => tickets.createdByPage(id(2), id(3), after, 11),
    countOverdue: () => tickets.countOverdue(id(1)),
    insertTickets: () => tickets.insertTickets([ticket, { ...ticket, id: id(8), number: 1043 }]),
    updateTicketAtVersion: () => tickets.updateTicketAtVersion(ticket, closed),
    insertCommentIfVisible: () =>
      tickets.insertCommentIfVisible(
        { id: id(6), ticketId: id(1), authorId: id(2), body: 'Hi', createdAt: at },
        { creatorId: id(2), assigneeId: id(3) },
      ),
    commentsPage: () => tickets.commentsPage(id(1), after, 11),
    boxBranches: () => sql.join(tickets.boxBranches(id(2), 'all', { status: 'open' }, 'newest', after), sql` union `),
    searchMatch: () => tickets.searchMatch(searchTerms('lapt')!),
  },
  savedViews: {
    savedViewsPage: () => savedViews.savedViewsPage(id(2), after, 11),
    lockViewsOf: () => savedViews.lockViewsOf(id(2)),
    countViewsOf: () => savedViews.countViewsOf(id(2)),
    selectOwnedView: () => savedViews.selectOwnedView(id(2), id(10)),
    savedViewCounts: () =>
      savedViews.savedViewCounts(
        id(2),
        [
          { id: id(10), filters: { box: 'incoming', status: 'open', priority: ['urgent'] }, search: null },
          {
            id: id(11),
            filters: { topic: ['billing'], q: 'invoice' },
            search: searchTerms('invoice'),
          },
        ],
        1001,
      ),
  },
  duePolicies: {
    selectDuePolicies: () => duePolicies.selectDuePolicies([id(2), id(3)]),
    upsertDuePolicy: () => duePolicies.upsertDuePolicy(id(2), { urgent: 240, high: 1440, normal: null, low: null }),
  },
  overdue: {
    claimOverdue: () => overdue.claimOverdue(500),
    markOverdue: () => overdue.markOverdue([id(1), id(8)]),
    overdueEvents: () => {
      const events = overdueSnapshot.overdueEvents([id(1), id(8)], snapshotNames);
      return sql`select ${events.payload}, ${events.audience}, ${events.subjectId} ${events.from}`;
    },
  },
  customers: {
    ownersCustomersPage: () => customers.ownersCustomersPage(id(2), 'acme_50%', after, 11),
    isLiveCustomerOf: () => customers.isLiveCustomerOf(id(2), id(4)),
    customerSummaries: () => customers.customerSummaries([id(4), id(8)]),
  },
  identity: {
    signupClash: () => identity.signupClash('ada@example.com', 'Ada'),
    userSummaries: () => identity.userSummaries([id(2), id(3)]),
    otherUsersPage: () => identity.otherUsersPage(id(2), 'ad_a', after, 11),
    tokenByHash: () => identity.tokenByHash('9f86d081884c7d65'),
    revokeTokenAndNotify: () => identity.revokeTokenAndNotify(id(2), id(8), 'bw_token_revoked'),
    reserveAttempts: () => identity.reserveAttempts('account:ada@example.com', 'ip:127.0.0.1', 900),
    clearCounter: () => identity.clearCounter('account:ada@example.com'),
    giveBackSlot: () => identity.giveBackSlot('ip:127.0.0.1', '2026-12-01 10:00:00.123456+00'),
    liveSessionUser: () => identity.liveSessionUser('sid-1'),
    insertSession: () => identity.insertSession('sid-1', '{"userId":"x"}', at.getTime() / 1000),
    deleteSession: () => identity.deleteSession('sid-1'),
    pruneExpiredSessions: () => identity.pruneExpiredSessions,
  },
  stats: {
    openedClosedByDay: () => stats.openedClosedByDay(id(2), 'Europe/Berlin', '2026-03-01', 31),
    openByPriority: () => stats.openByPriority(id(2)),
    medianSecondsToClose: () => stats.medianSecondsToClose(id(2), 'Europe/Berlin', '2026-03-01', '2026-04-01'),
    timeZoneNames: () => stats.timeZoneNames(),
  },
  macros: { visibleMacrosPage: () => macros.visibleMacrosPage(id(2), 'urgent', after, 11) },
  messaging: {
    boxPage: () => messaging.boxPage(id(3), 'inbox', after, 11),
    activeTriggersOf: () => messaging.activeTriggersOf([id(2), id(3)], ['ticket.closed']),
    triggersListen: () =>
      messaging.triggersListen('ticket.closed')({
        audience: sql.ident('v', 'audience'),
        payload: sql.ident('v', 'payload'),
      }),
    insertMessagesOfFreshKeys: () => messaging.insertMessagesOfFreshKeys([message], sql.ident('fresh')),
    messageCreatedEntries: () =>
      messaging.messageCreatedEntries(new Map([[id(2), { username: 'ada' }]]))(sql.ident('work')),
  },
  outbox: {
    changeWithEvents: () => outbox.changeWithEvents(tickets.insertTickets([ticket]), [event, updated]),
    changeWithDerivedEvents: () =>
      outbox.changeWithDerivedEvents(
        overdue.markOverdue([id(1), id(8)]),
        'ticket.overdue',
        overdueSnapshot.overdueEvents([id(1), id(8)], snapshotNames),
      ),
    changeAndEventIfMatched: () => outbox.changeAndEventIfMatched(tickets.updateTicketAtVersion(ticket, closed), event),
    BEGIN: () => outbox.BEGIN,
    COMMIT: () => outbox.COMMIT,
    ROLLBACK: () => outbox.ROLLBACK,
    claimDueEvents: () => outbox.claimDueEvents(8),
    markDone: () => outbox.markDone([id(5)]),
    markFailed: () => outbox.markFailed(id(5), 8, 'boom'),
    scheduleRetry: () => outbox.scheduleRetry(id(5), 2, 'boom', 1000),
    pruneDoneEvents: () => outbox.pruneDoneEvents(7),
    pruneProcessedKeys: () => outbox.pruneProcessedKeys(7),
    notify: () => outbox.notify('bw_outbox', id(9)),
    insertProcessedKey: () => outbox.insertProcessedKey('send', id(5)),
    processedKeysAndWork: () =>
      outbox.processedKeysAndWork(
        [{ handler: 'send', eventId: id(5) }],
        (fresh) => messaging.insertMessagesOfFreshKeys([message], fresh),
        messaging.messageCreatedEntries(new Map([[id(2), { username: 'ada' }]])),
      ),
    backlog: () => outbox.backlog,
  },
  live: {
    logHorizon: () => live.logHorizon(),
    settledAfter: () => live.settledAfter(position, 500),
    settledAfterForReaders: () => live.settledAfter(position, 500, [id(2), id(3)]),
    heldBackAfter: () => live.heldBackAfter(position),
    lastSettledAfter: () => live.lastSettledAfter(position),
    entriesFor: () => live.entriesFor(id(2), position, { tx: 1002n, seq: 90n }, 500),
    entryTime: () => live.entryTime(position),
    subjectEntries: () => live.subjectEntries(id(1), position, 51),
  },
  idempotency: {
    claimKeys: () =>
      idempotency.claimKeys([
        { userId: id(2), key: 'key-1', requestHash: 'hash' },
        { userId: id(3), key: 'key-1', requestHash: 'hash' },
      ]),
    selectKey: () => idempotency.selectKey(id(2), 'key-1'),
    recordAnswers: () =>
      idempotency.recordAnswers([
        { userId: id(2), key: 'key-1', status: 201, body: '{"id":"1"}', location: '/api/tickets/1' },
      ]),
    releaseKey: () => idempotency.releaseKey(id(2), 'key-1'),
    purgeExpiredKeys: () => idempotency.purgeExpiredKeys(),
  },
  webhooks: {
    deliveryPage: () => webhooks.deliveryPage(id(8), after, 11),
    insertDelivery: () =>
      webhooks.insertDelivery({
        id: id(10),
        webhookId: id(8),
        event: 'webhook.test',
        body: '{}',
        windowMs: 90_000_000,
      }),
    requeueDelivery: () => webhooks.requeueDelivery(id(8), id(10), 90_000_000),
    insertDeliveriesOfFreshKeys: () =>
      webhooks.insertDeliveriesOfFreshKeys(
        [
          {
            id: id(10),
            webhookId: id(8),
            ownerId: id(2),
            triggerId: id(7),
            event: 'ticket.closed',
            eventId: id(5),
            body: '{}',
            handler: 'send',
          },
        ],
        sql.ident('fresh'),
        90_000_000,
      ),
    claimDue: () =>
      webhooks.claimDue({
        take: 8,
        scan: 32,
        cap: 4,
        caps: [{ webhookId: id(8), cap: 2 }],
        excluded: [id(11)],
        leaseMs: 40_000,
        token: id(12),
      }),
    recordSuccesses: () => webhooks.recordSuccesses([{ id: id(10), token: id(12), status: 200 }]),
    recordFailure: () => webhooks.recordFailure(id(10), id(12), 500, 'answered 500', 30_000),
    notifyWorkers: () => webhooks.notifyWorkers(id(13)),
  },
};
const MODULES: Record<string, object> = {
  tickets,
  savedViews,
  duePolicies,
  overdue,
  customers,
  macros,
  messaging,
  stats,
  outbox,
  live,
  idempotency,
  webhooks,
};

function render(): string {
  const out = [
    '-- Every named statement with sample values (generated by platform/database/checks/sql-snapshot.spec.ts; do not edit).',
    '',
  ];
  for (const [room, samples] of Object.entries(SAMPLES)) {
    for (const [name, build] of Object.entries(samples)) {
      const { text, values } = build().render();
      out.push(
        `-- ${room}.${name}`,
        `${text.replace(/\n\s+/g, '\n  ').trim()};`,
        `-- values: ${JSON.stringify(values)}`,
        '',
      );
    }
  }
  return out.join('\n');
}

describe('the SQL snapshot', () => {
  it('has a sample for every statement a persistence room exports', () => {
    const missing = Object.entries(MODULES).flatMap(([room, exports]) =>
      Object.entries(exports)
        .filter(([, value]) => typeof value === 'function' || value instanceof Sql)
        .map(([name]) => name)
        .filter((name) => !SAMPLES[room][name])
        .map((name) => `${room}.${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('matches docs/sql/statements.sql', () => {
    const rendered = render();
    if (process.env['UPDATE_SQL_SNAPSHOT']) writeFileSync(SNAPSHOT, rendered);
    expect(existsSync(SNAPSHOT)).toBe(true);
    expect(readFileSync(SNAPSHOT, 'utf8')).toBe(rendered);
  });
});
