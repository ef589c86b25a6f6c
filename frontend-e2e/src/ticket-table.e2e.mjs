// The tickets table (issue 15, "A dense list" and "Bulk actions"), at a 1366×800 desktop and on a
// 390 px phone: filters, search and sort in the URL (surviving reload and Back), sorting by
// priority from its column header, shift-click range selection with a bulk close that reports
// each ticket's outcome (an already-closed ticket's 409 among them), a bulk delete behind a
// confirmation, and a keyboard-only run (j/k/x/Space/Enter, the bulk bar reached by Tab).
import {
  apiAs,
  assert,
  expectAccessible,
  expectEventually,
  expectHidden,
  expectText,
  expectValue,
  expectVisible,
  main,
  screenshot,
  signUpViaUi,
  ticketRow,
  uniqueUser,
  waitForPath,
} from './support.mjs';

const DESKTOP = { name: 'desktop', width: 1366, height: 800 };
const PHONE = { name: 'phone', width: 390, height: 844 };
const SIZES = [DESKTOP, PHONE];

async function me(page) {
  return (await apiAs(page, 'GET', '/api/auth/me', undefined, 200)).user;
}

/** A customer and the given tickets (created oldest first), assigned to the signed-in user. */
async function seed(page, specs) {
  const user = await me(page);
  const customer = await apiAs(page, 'POST', '/api/customers', { name: 'Ada Lovelace', email: 'ada@example.com' }, 201);
  const tickets = [];
  for (const spec of specs) {
    tickets.push(
      await apiAs(
        page,
        'POST',
        '/api/tickets',
        {
          title: spec.title,
          customerId: customer.id,
          assigneeId: user.id,
          type: spec.type ?? 'question',
          priority: spec.priority ?? 'normal',
          topic: 'technical',
        },
        201,
      ),
    );
  }
  return tickets;
}

const rowTitles = (page) =>
  page.getByTestId('ticket-row').evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent?.trim()));

const selectedCount = (page) =>
  page
    .getByTestId('ticket-row')
    .evaluateAll((rows) => rows.filter((row) => row.querySelector('input[type="checkbox"]')?.checked).length);

const query = (page) => new URL(page.url()).searchParams;

/** On a phone the filters fold under a "Filters" button. */
async function openFilters(page) {
  const fold = main(page).getByRole('button', { name: /^Filters/ });
  await expectVisible(main(page).getByLabel('Search tickets'));
  if ((await fold.isVisible()) && (await fold.getAttribute('aria-expanded')) !== 'true') await fold.click();
}

async function chooseMany(page, label, options) {
  await main(page).getByRole('combobox', { name: label, exact: true }).click();
  for (const option of options) {
    await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
  }
  await page.keyboard.press('Escape');
  await expectHidden(page.getByRole('listbox'));
}

const noPageScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

const activeRowTitle = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.matches('tr[data-testid="ticket-row"]')
      ? el.querySelector('a')?.textContent?.trim()
      : `not a row: ${el?.tagName}`;
  });

export const ticketTableTests = [
  {
    name: 'ticket table: filters and search in the URL survive reload and Back; the priority header sorts urgent first',
    async run({ page, artifactsDir }) {
      await signUpViaUi(page, uniqueUser('table'));
      await seed(page, [
        { title: 'Printer jams', priority: 'low' },
        { title: 'Printer smokes', priority: 'urgent' },
        { title: 'Printer beeps', priority: 'high' },
        { title: 'Monitor flickers', priority: 'urgent', type: 'incident' },
      ]);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.goto('/tickets');
        await expectVisible(ticketRow(page, 'Printer jams'));
        assert(
          JSON.stringify(await rowTitles(page)) ===
            JSON.stringify(['Monitor flickers', 'Printer beeps', 'Printer smokes', 'Printer jams']),
          `${size.name}: newest first by default`,
        );

        await openFilters(page);
        await chooseMany(page, 'Priority', ['High', 'Urgent']);
        await expectEventually(() => query(page).get('priority'), 'high,urgent', `${size.name}: priority in the URL`);
        await expectHidden(ticketRow(page, 'Printer jams'));
        await main(page).getByLabel('Search tickets').fill('printer');
        await expectEventually(() => query(page).get('q'), 'printer', `${size.name}: the search in the URL`);
        await expectHidden(ticketRow(page, 'Monitor flickers'));

        await page.reload();
        await expectVisible(ticketRow(page, 'Printer smokes'));
        await expectEventually(
          async () => JSON.stringify(await rowTitles(page)),
          JSON.stringify(['Printer beeps', 'Printer smokes']),
          `${size.name}: the reloaded list keeps priority and search`,
        );
        await expectEventually(() => main(page).getByLabel('Search tickets').inputValue(), 'printer', 'search kept');
        await openFilters(page);
        await expectText(main(page).getByRole('combobox', { name: 'Priority', exact: true }), 'High, Urgent');

        const priorityHeader = main(page).getByRole('columnheader', { name: 'Priority' });
        await priorityHeader.getByRole('button', { name: 'Priority' }).click();
        await expectEventually(() => query(page).get('sort'), 'priority', `${size.name}: sort in the URL`);
        await expectEventually(
          async () => JSON.stringify(await rowTitles(page)),
          JSON.stringify(['Printer smokes', 'Printer beeps']),
          `${size.name}: urgent first`,
        );
        assert(
          (await priorityHeader.getAttribute('aria-sort')) === 'descending',
          'the priority header says how it sorts',
        );
        assert(
          (await main(page).getByRole('columnheader', { name: 'Number' }).getAttribute('aria-sort')) === null,
          'the number header sorts no more',
        );
        assert(await noPageScroll(page), `${size.name}: no sideways page scroll`);
        await expectAccessible(page, `the filtered, sorted table at ${size.name}`);
        await screenshot(page, artifactsDir, `ticket-table-sorted-${size.name}`);

        // Back: the sort goes, the filters stay; Back again: the list as it was at first.
        await page.goBack();
        await expectEventually(() => query(page).get('sort'), null, `${size.name}: Back drops the sort`);
        await expectEventually(
          async () => JSON.stringify(await rowTitles(page)),
          JSON.stringify(['Printer beeps', 'Printer smokes']),
          `${size.name}: Back shows the filtered list, newest first`,
        );
        await page.goBack();
        await expectVisible(ticketRow(page, 'Printer jams'));
        await expectVisible(ticketRow(page, 'Monitor flickers'));
        assert(query(page).get('priority') === null, `${size.name}: Back again drops the priority filter`);
      }
    },
  },

  {
    name: 'ticket table: shift-click selects a range; bulk close reports each ticket (the closed one 409); bulk delete asks first',
    async run({ page, artifactsDir }) {
      await signUpViaUi(page, uniqueUser('bulk'));
      for (const size of SIZES) {
        const tag = size.name;
        const tickets = await seed(
          page,
          [1, 2, 3, 4, 5].map((n) => ({ title: `${tag} bulk ${n}` })),
        );
        await apiAs(page, 'POST', `/api/tickets/${tickets[1].id}/close`, undefined, 200);
        await page.setViewportSize(size);
        await page.goto('/tickets');
        await expectVisible(ticketRow(page, `${tag} bulk 1`));

        const checkbox = (n) =>
          main(page).getByRole('checkbox', { name: `Select #${tickets[n - 1].number} ${tag} bulk ${n}`, exact: true });
        // Newest first: 5, 4, 3, 2, 1. Click 4, shift-click 1: 4, 3, 2 and 1.
        await checkbox(4).click();
        await expectText(page.getByTestId('selection-status'), '1 selected');
        await checkbox(1).click({ modifiers: ['Shift'] });
        await expectText(page.getByTestId('selection-status'), '4 selected');
        await expectText(page.getByTestId('bulk-count'), '4 selected');
        assert(!(await checkbox(5).isChecked()), `${tag}: 5 is outside the range`);
        assert((await selectedCount(page)) === 4, `${tag}: four rows checked`);
        await expectAccessible(page, `the bulk bar at ${tag}`);

        await page.getByTestId('bulk-bar').getByRole('button', { name: 'Close', exact: true }).click();
        await expectText(page.getByTestId('bulk-summary'), '3 closed, 1 failed');
        const failures = page.getByTestId('bulk-failure');
        assert((await failures.count()) === 1, `${tag}: one failure listed`);
        await expectText(failures, `#${tickets[1].number} ${tag} bulk 2: The ticket is already closed`);
        for (const n of [1, 3, 4])
          await expectText(ticketRow(page, `${tag} bulk ${n}`).getByTestId('ticket-status'), 'Closed');
        await expectText(ticketRow(page, `${tag} bulk 5`).getByTestId('ticket-status'), 'Open');
        await expectHidden(page.getByTestId('bulk-bar'));
        assert(await noPageScroll(page), `${tag}: no sideways page scroll`);
        await expectAccessible(page, `the bulk results at ${tag}`);
        await screenshot(page, artifactsDir, `ticket-table-bulk-${tag}`);

        // Delete asks, then removes the rows it deleted.
        await checkbox(5).click();
        await checkbox(3).click();
        await page.getByTestId('bulk-bar').getByRole('button', { name: 'Delete…' }).click();
        const confirm = page.getByRole('alertdialog');
        await expectText(confirm, 'Delete 2 tickets?');
        await confirm.getByRole('button', { name: 'Delete 2 tickets' }).click();
        await expectText(page.getByTestId('bulk-summary'), '2 deleted');
        await expectHidden(ticketRow(page, `${tag} bulk 5`));
        await expectHidden(ticketRow(page, `${tag} bulk 3`));
        await expectVisible(ticketRow(page, `${tag} bulk 4`));
        const left = await apiAs(page, 'GET', `/api/tickets?q=${tag}`, undefined, 200);
        assert(left.items.length === 3, `${tag}: the server kept three tickets, got ${left.items.length}`);
      }
    },
  },

  {
    name: 'ticket table on a phone: bulk set priority, status, assignee and macro from the bar; the assignee filter by name',
    async run({ page, newPage }) {
      const other = uniqueUser('mate');
      const pageB = await newPage();
      await signUpViaUi(pageB, other);
      await signUpViaUi(page, uniqueUser('phonebulk'));
      const tickets = await seed(page, [{ title: 'Phone one' }, { title: 'Phone two' }, { title: 'Phone three' }]);
      await apiAs(
        page,
        'POST',
        '/api/macros',
        { name: 'Park it', availableFor: 'personal', actions: [{ type: 'set_topic', value: 'billing' }] },
        201,
      );
      await page.setViewportSize(PHONE);
      await page.goto('/tickets');
      await expectVisible(ticketRow(page, 'Phone one'));
      const bar = page.getByTestId('bulk-bar');
      const selectAll = main(page).getByRole('checkbox', { name: 'Select all loaded tickets' });
      const titles = tickets.map((t) => t.title);

      await selectAll.click();
      await expectText(page.getByTestId('selection-status'), '3 selected');
      assert(await noPageScroll(page), 'the bulk bar fits the phone');
      await expectAccessible(page, 'the bulk bar on a phone');
      await bar.getByRole('button', { name: 'Set priority' }).click();
      await page.getByRole('menuitem', { name: 'Urgent' }).click();
      await expectText(page.getByTestId('bulk-summary'), '3 changed');
      for (const title of titles) await expectText(ticketRow(page, title), 'Urgent');

      await selectAll.click();
      await bar.getByRole('button', { name: 'Set status' }).click();
      await page.getByRole('menuitem', { name: 'Pending' }).click();
      await expectText(page.getByTestId('bulk-summary'), '3 changed');
      for (const title of titles) await expectText(ticketRow(page, title).getByTestId('ticket-status'), 'Pending');

      await main(page)
        .getByRole('checkbox', { name: `Select #${tickets[0].number} Phone one` })
        .click();
      await bar.getByRole('button', { name: 'Set assignee…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Assign to' }).fill(other.username);
      await page.getByRole('option', { name: other.username }).click();
      await dialog.getByRole('button', { name: 'Assign' }).click();
      await expectText(page.getByTestId('bulk-summary'), '1 assigned');
      await expectText(ticketRow(page, 'Phone one'), `you → ${other.username}`);

      // The assignee filter: in the URL as an id, shown by name after a reload.
      await openFilters(page);
      const assignee = main(page).getByRole('combobox', { name: 'Assignee', exact: true });
      await assignee.fill(other.username);
      await page.getByRole('option', { name: other.username }).click();
      await expectEventually(() => query(page).get('assigneeId'), (await me(pageB)).id, 'the assignee in the URL');
      await expectHidden(ticketRow(page, 'Phone two'));
      await page.reload();
      await openFilters(page);
      await expectValue(assignee, other.username, 'the reloaded filter names the assignee');
      await expectVisible(ticketRow(page, 'Phone one'));
      assert((await page.getByTestId('ticket-row').count()) === 1, 'only the ticket assigned to them');
      await main(page).getByRole('button', { name: 'Clear assignee' }).click();
      await expectVisible(ticketRow(page, 'Phone two'));

      await main(page)
        .getByRole('checkbox', { name: `Select #${tickets[1].number} Phone two` })
        .click();
      await bar.getByRole('button', { name: 'Apply macro…' }).click();
      await page.getByRole('dialog').getByTestId('macro-picker-input').click();
      await page.getByRole('option', { name: /Park it/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
      await expectText(page.getByTestId('bulk-summary'), '1 changed by the macro');
      await expectText(ticketRow(page, 'Phone two'), 'Billing');
      const after = await apiAs(page, 'GET', `/api/tickets/${tickets[1].id}`, undefined, 200);
      assert(after.topic === 'billing' && after.priority === 'urgent', 'the server has both changes');
    },
  },

  {
    name: 'ticket table by keyboard only: j/k move, x and Space select, Shift+Space a range, Tab reaches the bulk bar, Enter opens',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('keys'));
      const tickets = await seed(page, [
        { title: 'Key one' },
        { title: 'Key two' },
        { title: 'Key three' },
        { title: 'Key four' },
      ]);
      await page.setViewportSize(DESKTOP);
      await page.goto('/tickets');
      await expectVisible(ticketRow(page, 'Key one'));

      // Wherever the page put the focus on arrival (its heading), j goes to the first row.
      await page.keyboard.press('j');
      await expectEventually(() => activeRowTitle(page), 'Key four', 'j focuses the first row');
      await page.keyboard.press('j');
      await expectEventually(() => activeRowTitle(page), 'Key three', 'j moves down');
      await page.keyboard.press('ArrowDown');
      await expectEventually(() => activeRowTitle(page), 'Key two', 'ArrowDown moves down');
      await page.keyboard.press('k');
      await expectEventually(() => activeRowTitle(page), 'Key three', 'k moves up');
      await page.keyboard.press('x');
      await expectText(page.getByTestId('selection-status'), '1 selected');
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await expectEventually(() => activeRowTitle(page), 'Key one', 'down to the last row');
      await page.keyboard.press('Shift+Space');
      await expectText(page.getByTestId('selection-status'), '3 selected');
      await page.keyboard.press('k');
      await page.keyboard.press('Space');
      await expectText(page.getByTestId('selection-status'), '2 selected');
      assert(!(await ticketRow(page, 'Key two').getByRole('checkbox').isChecked()), 'Space unselected Key two');
      // Keys typed into the search box are text, not commands.
      await main(page).getByLabel('Search tickets').focus();
      await page.keyboard.type('xj');
      await expectText(page.getByTestId('selection-status'), '2 selected');
      await main(page).getByLabel('Search tickets').fill('');

      // Back to the rows with j, then Shift+Tab up to the bulk bar, and close the two by keyboard.
      await page.keyboard.press('Tab');
      await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      await page.keyboard.press('j');
      await expectEventually(
        () => activeRowTitle(page),
        'Key two',
        'j from the page goes back to the row last focused',
      );
      let reached = false;
      for (let i = 0; i < 30 && !reached; i++) {
        await page.keyboard.press('Shift+Tab');
        reached = await page.evaluate(
          () =>
            Boolean(document.activeElement?.closest('[data-testid="bulk-bar"]')) &&
            document.activeElement?.textContent?.trim() === 'Close',
        );
      }
      assert(reached, 'Shift+Tab from the rows reaches the bulk bar’s Close');
      await page.keyboard.press('Enter');
      await expectText(page.getByTestId('bulk-summary'), '2 closed');
      await expectText(ticketRow(page, 'Key three').getByTestId('ticket-status'), 'Closed');
      await expectText(ticketRow(page, 'Key one').getByTestId('ticket-status'), 'Closed');
      await expectAccessible(page, 'the table after a keyboard bulk close');

      await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await expectEventually(() => activeRowTitle(page), 'Key three', 'j twice');
      await page.keyboard.press('Enter');
      await waitForPath(page, `/ticket/${tickets[2].id}`);
    },
  },
];
