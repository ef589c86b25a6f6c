// The tickets table's due dates, at a 1366×800 desktop and on a 390 px phone: the Due column
// (a passed due time with the Overdue badge, a coming one as "in …", none as "No due date"),
// "Overdue only" in the URL (surviving reload, cleared by "Clear filters"), and the Due header
// sorting soonest first with `aria-sort="ascending"`, kept through a reload.
import {
  apiAs,
  assert,
  expectAccessible,
  expectEventually,
  expectHidden,
  expectText,
  expectVisible,
  main,
  screenshot,
  signUpViaUi,
  ticketRow,
  uniqueUser,
} from './support.mjs';

const SIZES = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const HOUR = 3_600_000;

const rowTitles = (page) =>
  page.getByTestId('ticket-row').evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent?.trim()));

const query = (page) => new URL(page.url()).searchParams;

/** On a phone the filters fold under a "Filters" button. */
async function openFilters(page) {
  const fold = main(page).getByRole('button', { name: /^Filters/ });
  await expectVisible(main(page).getByLabel('Search tickets'));
  if ((await fold.isVisible()) && (await fold.getAttribute('aria-expanded')) !== 'true') await fold.click();
}

/** Tickets assigned to the signed-in user, created in this order, each due `dueIn` hours from now (or never). */
async function seed(page, specs) {
  const { user } = await apiAs(page, 'GET', '/api/auth/me', undefined, 200);
  const customer = await apiAs(page, 'POST', '/api/customers', { name: 'Ada Lovelace', email: 'ada@example.com' }, 201);
  const tickets = [];
  for (const spec of specs) {
    const ticket = await apiAs(
      page,
      'POST',
      '/api/tickets',
      {
        title: spec.title,
        customerId: customer.id,
        assigneeId: user.id,
        type: 'task',
        priority: 'normal',
        topic: 'technical',
        ...(spec.dueIn === undefined ? {} : { dueAt: new Date(Date.now() + spec.dueIn * HOUR).toISOString() }),
      },
      201,
    );
    tickets.push(ticket);
  }
  return tickets;
}

export const ticketDueTests = [
  {
    name: 'ticket table due: the Due column shows Overdue, "Overdue only" narrows, the Due header sorts soonest first',
    async run({ page, artifactsDir }) {
      await signUpViaUi(page, uniqueUser('due'));
      await seed(page, [
        { title: 'Due later', dueIn: 5 * 24 },
        { title: 'No due date', dueIn: undefined },
        { title: 'Due long ago', dueIn: -48 },
        { title: 'Due soon', dueIn: 3 },
      ]);
      const newest = ['Due soon', 'Due long ago', 'No due date', 'Due later'];
      const soonest = ['Due long ago', 'Due soon', 'Due later', 'No due date'];
      for (const size of SIZES) {
        const tag = size.name;
        await page.setViewportSize(size);
        await page.goto('/tickets');
        await expectVisible(ticketRow(page, 'Due later'));
        await expectEventually(
          async () => JSON.stringify(await rowTitles(page)),
          JSON.stringify(newest),
          `${tag}: newest first`,
        );

        const late = ticketRow(page, 'Due long ago');
        await expectVisible(late.getByTestId('overdue-badge'));
        await expectText(late.getByTestId('ticket-due'), /\d days ago/);
        await expectHidden(ticketRow(page, 'Due soon').getByTestId('overdue-badge'));
        await expectText(ticketRow(page, 'Due soon').getByTestId('ticket-due'), /in \d+ (hours?|minutes?)|tomorrow/);
        const soonTitle = await ticketRow(page, 'Due soon').getByTestId('ticket-due').getAttribute('title');
        assert(/\d{4}/.test(soonTitle ?? ''), `${tag}: the exact due time on hover, got ${soonTitle}`);
        await expectText(ticketRow(page, 'No due date').getByTestId('ticket-due'), 'No due date');

        // "Overdue only": in the URL, kept through a reload, cleared by "Clear filters".
        await openFilters(page);
        const overdueOnly = main(page).getByRole('checkbox', { name: 'Overdue only' });
        await overdueOnly.check();
        await expectEventually(() => query(page).get('overdue'), 'true', `${tag}: overdue in the URL`);
        await expectHidden(ticketRow(page, 'No due date'));
        await expectEventually(
          async () => JSON.stringify(await rowTitles(page)),
          JSON.stringify(['Due long ago']),
          `${tag}: only the overdue ticket`,
        );
        await page.reload();
        await expectVisible(ticketRow(page, 'Due long ago'));
        await expectEventually(async () => (await rowTitles(page)).length, 1, `${tag}: still only the overdue one`);
        await openFilters(page);
        assert(await overdueOnly.isChecked(), `${tag}: the reloaded filter is ticked`);
        assert(
          await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          `${tag}: the table with its Due column fits without sideways page scroll`,
        );
        await expectAccessible(page, `the overdue-only table at ${tag}`);
        await screenshot(page, artifactsDir, `ticket-due-overdue-${tag}`);
        await main(page).getByRole('button', { name: 'Clear filters' }).click();
        await expectEventually(() => query(page).get('overdue'), null, `${tag}: Clear filters drops overdue`);
        await expectVisible(ticketRow(page, 'No due date'));
        assert(!(await overdueOnly.isChecked()), `${tag}: the filter is unticked`);

        // The Due header: soonest first, none last; kept through a reload.
        const dueHeader = main(page).getByRole('columnheader', { name: 'Due', exact: true });
        await dueHeader.getByRole('button', { name: 'Due' }).click();
        await expectEventually(() => query(page).get('sort'), 'due', `${tag}: sort=due in the URL`);
        await expectEventually(
          async () => JSON.stringify(await rowTitles(page)),
          JSON.stringify(soonest),
          `${tag}: soonest due first`,
        );
        assert((await dueHeader.getAttribute('aria-sort')) === 'ascending', `${tag}: the Due header says ascending`);
        await page.reload();
        await expectVisible(ticketRow(page, 'Due soon'));
        await expectEventually(
          async () => JSON.stringify(await rowTitles(page)),
          JSON.stringify(soonest),
          `${tag}: the reloaded list is still soonest first`,
        );
        await expectEventually(
          () => dueHeader.getAttribute('aria-sort'),
          'ascending',
          `${tag}: aria-sort after reload`,
        );
        await expectText(page.getByRole('table'), 'soonest due first');
        await expectVisible(ticketRow(page, 'Due later').getByTestId('ticket-due'));
        await expectAccessible(page, `the table sorted by due at ${tag}`);
        await screenshot(page, artifactsDir, `ticket-due-sorted-${tag}`);
      }
    },
  },

  {
    name: 'ticket table due, live: under "Overdue only" a ticket re-dated into the past joins, a closed one leaves',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('duelive'));
      const [late, calm] = await seed(page, [
        { title: 'Late already', dueIn: -3 },
        { title: 'Calm for now', dueIn: 24 },
      ]);
      await page.setViewportSize(SIZES[0]);
      await page.goto('/tickets?overdue=true');
      await expectVisible(ticketRow(page, 'Late already'));
      await expectEventually(
        async () => JSON.stringify(await rowTitles(page)),
        JSON.stringify(['Late already']),
        'only the late one',
      );

      // Another tab (here the API) moves the calm ticket's due time into the past: it turns up, overdue.
      await apiAs(
        page,
        'PATCH',
        `/api/tickets/${calm.id}`,
        { dueAt: new Date(Date.now() - HOUR).toISOString(), version: calm.version },
        200,
      );
      await expectVisible(ticketRow(page, 'Calm for now').getByTestId('overdue-badge'));
      await expectEventually(
        async () => JSON.stringify(await rowTitles(page)),
        JSON.stringify(['Calm for now', 'Late already']),
        'the re-dated ticket joins in its newest-first place',
      );

      // Closed, a ticket is overdue no more and leaves the list.
      await apiAs(page, 'POST', `/api/tickets/${late.id}/close`, undefined, 200);
      await expectHidden(ticketRow(page, 'Late already'));
      await expectVisible(ticketRow(page, 'Calm for now'));
      await expectAccessible(page, 'the overdue-only table after live changes');
    },
  },
];
