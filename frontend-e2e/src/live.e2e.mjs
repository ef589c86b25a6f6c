// The live workspace (issue 14), with two people in two browser contexts: what one does shows up
// on the other's open pages without a reload, who else has a ticket open, the ticket's history,
// the edit dialog's warning, the reconnecting indicator, and the ticket page at phone width.
import {
  apiAs,
  assert,
  dialogForm,
  expectAccessible,
  expectHidden,
  expectText,
  expectVisible,
  main,
  screenshot,
  signUpViaUi,
  ticketRow,
  uniqueUser,
} from './support.mjs';

const nav = (page) => page.getByRole('banner');
const LIVE_WAIT = 15_000;

/** A and B signed up; A has a customer and a ticket assigned to B. */
async function twoPeopleAndATicket(page, newPage, title) {
  const a = uniqueUser('alice');
  const b = uniqueUser('bob');
  const pageB = await newPage();
  await signUpViaUi(page, a);
  await signUpViaUi(pageB, b);
  const bId = (await apiAs(pageB, 'GET', '/api/auth/me', undefined, 200)).user.id;
  const customer = await apiAs(
    page,
    'POST',
    '/api/customers',
    { name: 'Grace Hopper', email: 'grace@example.com' },
    201,
  );
  const ticket = await apiAs(
    page,
    'POST',
    '/api/tickets',
    { title, customerId: customer.id, assigneeId: bId, type: 'incident', priority: 'normal', topic: 'technical' },
    201,
  );
  return { a, b, bId, pageB, customer, ticket };
}

/** Marks the document, so a test can prove later that the page was never reloaded. */
async function markDocument(page) {
  await page.evaluate(() => {
    window.__bwNoReload = true;
  });
}

async function assertNotReloaded(page, what) {
  assert(await page.evaluate(() => window.__bwNoReload === true), `${what} was reloaded`);
}

/** The page's live stream is open (the app opens it at sign-in). */
async function waitForStream(page) {
  await nav(page).locator('[data-testid="live-status"][data-live="connected"]').waitFor({ state: 'attached' });
}

export const liveTests = [
  {
    name: "live: A's changes show in B's open list, ticket page, conversation, history and unread badge without a reload",
    async run({ page, newPage, artifactsDir }) {
      const title = `Wi-Fi drops in room 4 ${Date.now().toString(36)}`;
      const { a, pageB, customer, ticket, bId } = await twoPeopleAndATicket(page, newPage, title);

      // B's incoming list is open.
      await pageB.goto('/tickets?box=incoming');
      await expectVisible(ticketRow(pageB, title));
      await waitForStream(pageB);
      await markDocument(pageB);

      // A renames the ticket and sends B a new one: both show in B's list as they happen.
      const renamed = `${title} (again)`;
      const v2 = await apiAs(
        page,
        'PATCH',
        `/api/tickets/${ticket.id}`,
        { title: renamed, version: ticket.version },
        200,
      );
      await expectVisible(ticketRow(pageB, renamed), LIVE_WAIT);
      const second = await apiAs(
        page,
        'POST',
        '/api/tickets',
        {
          title: `Projector is dead ${Date.now().toString(36)}`,
          customerId: customer.id,
          assigneeId: bId,
          type: 'problem',
          priority: 'high',
          topic: 'facilities',
        },
        201,
      );
      await expectVisible(ticketRow(pageB, second.title), LIVE_WAIT);
      const titles = await pageB.getByTestId('ticket-row').getByRole('link').allTextContents();
      assert(titles[0].trim() === second.title, `the new ticket goes first, got ${JSON.stringify(titles)}`);
      // A deletes it again: it leaves B's list.
      await apiAs(page, 'DELETE', `/api/tickets/${second.id}`, undefined, 204);
      await expectHidden(ticketRow(pageB, second.title), LIVE_WAIT);
      await assertNotReloaded(pageB, "B's list");

      // B opens the ticket; A raises the priority and replies.
      await ticketRow(pageB, renamed).getByRole('link', { name: renamed, exact: true }).click();
      await expectText(pageB.getByTestId('ticket-title'), renamed);
      await expectVisible(pageB.getByTestId('history-entry'));
      await markDocument(pageB);
      await apiAs(page, 'PATCH', `/api/tickets/${ticket.id}`, { priority: 'urgent', version: v2.version }, 200);
      await expectText(pageB.locator('bw-ticket-aside'), 'Urgent', LIVE_WAIT);
      await apiAs(page, 'POST', `/api/tickets/${ticket.id}/comments`, { body: 'Is it better after the reboot?' }, 201);
      await expectText(pageB.getByTestId('comment'), 'Is it better after the reboot?', LIVE_WAIT);

      // The history says who changed what, through what, from → to.
      const history = pageB.getByTestId('ticket-history');
      const change = history.getByTestId('history-entry').filter({ hasText: 'Priority' });
      await expectText(change, a.username, LIVE_WAIT);
      await expectText(change.getByTestId('history-change'), /Normal.*→.*Urgent/);
      await expectText(change.getByTestId('history-via'), 'by hand');
      const when = await change.locator('time').first().textContent();
      assert(!/\d{4}-\d{2}-\d{2}T/.test(when ?? ''), `the time is formatted for people, got ${when}`);
      await expectVisible(history.getByTestId('history-entry').filter({ hasText: 'created the ticket' }));

      // A macro's change names the macro.
      const macro = await apiAs(
        page,
        'POST',
        '/api/macros',
        { name: 'Put on hold', availableFor: 'personal', actions: [{ type: 'set_status', value: 'pending' }] },
        201,
      );
      await apiAs(page, 'POST', `/api/tickets/${ticket.id}/macros/${macro.id}/apply`, undefined, 200);
      await expectText(pageB.getByTestId('ticket-status'), 'Pending', LIVE_WAIT);
      const byMacro = history.getByTestId('history-entry').filter({ hasText: 'Pending' });
      await expectText(byMacro.getByTestId('history-via'), 'macro “Put on hold”', LIVE_WAIT);

      // A's trigger writes B a message when the ticket is closed: B's badge counts it, live.
      await apiAs(
        page,
        'POST',
        '/api/triggers',
        {
          name: 'Tell the assignee',
          event: 'ticket.closed',
          recipient: { kind: 'ticket_assignee' },
          message: 'Closed: {{ticket.title}}',
        },
        201,
      );
      await apiAs(page, 'POST', `/api/tickets/${ticket.id}/close`, undefined, 200);
      await expectText(pageB.getByTestId('ticket-status'), 'Closed', LIVE_WAIT);
      await expectText(nav(pageB).getByTestId('unread-badge'), '1', LIVE_WAIT);
      await expectVisible(history.getByTestId('history-entry').filter({ hasText: 'marked it complete' }), LIVE_WAIT);
      await assertNotReloaded(pageB, "B's ticket page");
      await screenshot(pageB, artifactsDir, 'live-ticket-history');
      await expectAccessible(pageB, 'the live ticket page');

      // A deletes the ticket: B's page says it is gone.
      await apiAs(page, 'DELETE', `/api/tickets/${ticket.id}`, undefined, 204);
      await expectText(pageB.getByTestId('ticket-removed'), `${a.username} deleted it`, LIVE_WAIT);
    },
  },

  {
    name: 'live: presence shows who else is viewing and editing, and the edit dialog warns of a change by someone else',
    async run({ page, newPage, artifactsDir }) {
      const title = `Badge reader broken ${Date.now().toString(36)}`;
      const { a, b, pageB, ticket } = await twoPeopleAndATicket(page, newPage, title);

      await page.goto(`/ticket/${ticket.id}`);
      await expectText(page.getByTestId('ticket-title'), title);
      await waitForStream(page);
      await pageB.goto(`/ticket/${ticket.id}`);
      await expectText(pageB.getByTestId('ticket-title'), title);

      // Each sees the other at once (the later one is answered without waiting for a heartbeat).
      await expectText(page.getByTestId('ticket-presence'), `${b.username} is viewing`, LIVE_WAIT);
      await expectText(pageB.getByTestId('ticket-presence'), `${a.username} is viewing`, LIVE_WAIT);
      const own = await page.getByTestId('ticket-presence').textContent();
      assert(!own?.includes(a.username), `A is not listed as a visitor of their own page: ${own}`);

      // B opens the edit dialog: A sees B editing.
      await main(pageB).getByRole('button', { name: 'Edit' }).click();
      const formB = await dialogForm(pageB, 'Edit ticket');
      await expectText(page.getByTestId('ticket-presence'), `${b.username} is editing`, LIVE_WAIT);

      // A changes the priority meanwhile: B's dialog says so at once, and Reload shows it.
      await apiAs(page, 'PATCH', `/api/tickets/${ticket.id}`, { priority: 'high', version: ticket.version }, 200);
      const warning = pageB.getByRole('dialog').getByTestId('remote-change');
      await expectText(warning, `${a.username} changed this ticket (priority)`, LIVE_WAIT);
      await screenshot(pageB, artifactsDir, 'live-edit-warning');
      await warning.getByRole('button', { name: 'Reload' }).click();
      await expectHidden(warning);
      await expectText(formB.getByLabel('Priority', { exact: true }), 'High');
      await formB.getByRole('button', { name: 'Cancel' }).click();
      await expectHidden(pageB.getByRole('dialog'));
      await expectText(page.getByTestId('ticket-presence'), `${b.username} is viewing`, LIVE_WAIT);
      await expectAccessible(page, 'the ticket page with presence');

      // B leaves: A no longer lists B.
      await pageB.goto('/tickets');
      await expectHidden(page.getByTestId('ticket-presence'), LIVE_WAIT);
    },
  },

  {
    name: 'live: the nav bar says when the stream is reconnecting, and the page catches up afterwards',
    async run({ page, newPage, artifactsDir }) {
      const title = `Printer offline ${Date.now().toString(36)}`;
      const { pageB, ticket } = await twoPeopleAndATicket(page, newPage, title);
      await pageB.goto('/tickets?box=incoming');
      await expectVisible(ticketRow(pageB, title));
      await waitForStream(pageB);
      const status = nav(pageB).getByRole('status');
      await expectHidden(status.getByText('Reconnecting…'));

      // The API answers the stream with 503 (as a proxy does while the API restarts).
      await pageB.context().route('**/api/events', (route) => route.fulfill({ status: 503, body: '' }));
      await pageB.reload();
      await expectVisible(ticketRow(pageB, title));
      await expectVisible(status.getByText('Reconnecting…'), LIVE_WAIT);
      await expectText(status, 'Live updates paused');
      await screenshot(pageB, artifactsDir, 'live-reconnecting');

      // A change made meanwhile shows once the stream is back (the stores reload: nothing to resume after).
      const renamed = `${title} (tray 2)`;
      await apiAs(page, 'PATCH', `/api/tickets/${ticket.id}`, { title: renamed, version: ticket.version }, 200);
      await pageB.context().unroute('**/api/events');
      await expectHidden(status.getByText('Reconnecting…'), LIVE_WAIT);
      await expectVisible(ticketRow(pageB, renamed), LIVE_WAIT);
    },
  },

  {
    name: 'live: the ticket page at phone width (390 px) shows the presence and the history timeline',
    async run({ page, newPage, artifactsDir }) {
      const title = `Laptop will not charge ${Date.now().toString(36)}`;
      const { a, pageB, ticket } = await twoPeopleAndATicket(page, newPage, title);
      await apiAs(page, 'PATCH', `/api/tickets/${ticket.id}`, { priority: 'urgent', version: ticket.version }, 200);
      await pageB.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/ticket/${ticket.id}`);
      await expectText(page.getByTestId('ticket-title'), title);
      await waitForStream(page);
      await pageB.goto(`/ticket/${ticket.id}`);
      await expectText(pageB.getByTestId('ticket-presence'), `${a.username} is viewing`, LIVE_WAIT);
      const change = pageB.getByTestId('history-entry').filter({ hasText: 'Priority' });
      await expectText(change.getByTestId('history-change'), 'Urgent');
      await change.scrollIntoViewIfNeeded();
      const width = await pageB.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 390, `the page fits the phone's width, but is ${width}px wide`);
      await screenshot(pageB, artifactsDir, 'live-ticket-phone');
      await expectAccessible(pageB, 'the ticket page at 390 px');
    },
  },
];
