// Keyboard shortcuts (issue 15), keyboard only: `?` opens an overlay listing every shortcut by page
// (no axe violations), `/` focuses the page's search, `n` opens a new ticket, and on a ticket `r`
// focuses the reply, `e` edits, `Shift+C` closes and reopens, `m` opens the macro picker and
// `j`/`k` walk the remembered list. Keys typed into a field stay text. Desktop and phone.
import {
  apiAs,
  assert,
  expectAccessible,
  expectEventually,
  expectHidden,
  expectText,
  expectVisible,
  signUpViaUi,
  uniqueUser,
  waitForPath,
} from './support.mjs';

const SIZES = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    const label = el.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? '';
    return `${el.tagName.toLowerCase()}:${label}`;
  });

export const shortcutsTests = [
  {
    name: 'keyboard shortcuts: ? overlay (axe), / search, n new ticket, and r, e, Shift+C, m on a ticket',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('keys'));
      const { user } = await apiAs(page, 'GET', '/api/auth/me', undefined, 200);
      const customer = await apiAs(
        page,
        'POST',
        '/api/customers',
        { name: 'Alan Turing', email: 'alan@example.com' },
        201,
      );
      const ticket = await apiAs(
        page,
        'POST',
        '/api/tickets',
        {
          title: 'Keyboard stuck',
          customerId: customer.id,
          assigneeId: user.id,
          type: 'problem',
          priority: 'normal',
          topic: 'technical',
        },
        201,
      );
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.goto('/tickets');
        await expectVisible(page.getByRole('searchbox', { name: 'Search tickets' }));

        // ? opens the overlay, grouped by page; Escape closes it.
        await page.keyboard.press('?');
        const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await expectVisible(overlay);
        await expectText(overlay.getByRole('heading', { name: 'Anywhere' }), 'Anywhere');
        await expectText(overlay.getByRole('heading', { name: 'Ticket page' }), 'Ticket page');
        await expectText(overlay, 'Mark complete, or reopen when it is closed');
        await expectAccessible(page, `the shortcuts overlay (${size.name})`);
        await page.keyboard.press('Escape');
        await expectHidden(overlay);

        // The "Keyboard shortcuts" button in the bar opens it too.
        await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
        await expectVisible(overlay);
        await overlay.getByRole('button', { name: 'Close' }).click();
        await expectHidden(overlay);

        // / focuses the search box; keys typed there are text, not shortcuts.
        await page.keyboard.press('/');
        await expectEventually(() => focused(page), 'input:Search tickets', 'the focus after /');
        await page.keyboard.type('n?');
        assert(new URL(page.url()).pathname === '/tickets', 'n typed into the search box is text');
        assert((await overlay.count()) === 0, '? typed into the search box is text');
        await page.keyboard.press('Escape');
        await page.evaluate(() => document.activeElement?.blur());

        // n opens a new ticket.
        await page.keyboard.press('n');
        await waitForPath(page, '/new-ticket');

        // On the ticket: r, e, Shift+C, m.
        await page.goto(`/ticket/${ticket.id}`);
        await expectText(page.getByTestId('ticket-title'), 'Keyboard stuck');
        await page.keyboard.press('r');
        await expectEventually(() => focused(page), 'textarea:Reply', 'the focus after r');
        await page.keyboard.type('e');
        await expectEventually(
          () => page.getByRole('form', { name: 'Reply' }).getByLabel('Reply').inputValue(),
          'e',
          'e typed into the reply is text',
        );
        await page.getByRole('form', { name: 'Reply' }).getByLabel('Reply').fill('');
        await page.evaluate(() => document.activeElement?.blur());

        await page.keyboard.press('e');
        const edit = page.getByRole('dialog').getByRole('form', { name: 'Edit ticket' });
        await expectVisible(edit);
        await page.waitForFunction(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
        // While the dialog is open, the page's keys wait (Shift+C must not close the ticket):
        // with the focus on the dialog itself, not in one of its fields.
        await page.getByRole('dialog').getByRole('heading', { name: 'Edit ticket' }).click();
        await expectEventually(() => focused(page), 'mat-dialog-container:', 'the focus on the dialog');
        await page.keyboard.press('Shift+C');
        await page.keyboard.press('Escape');
        await expectHidden(page.getByRole('dialog'));
        await expectText(page.locator('bw-ticket-status-chip'), 'Open');

        await page.keyboard.press('Shift+C');
        await expectText(page.locator('bw-ticket-status-chip'), 'Closed');
        await page.keyboard.press('Shift+C');
        await expectText(page.locator('bw-ticket-status-chip'), 'Open');

        await page.keyboard.press('m');
        await expectEventually(() => focused(page).then((f) => f.startsWith('input:Macro')), true, 'the focus after m');
        await expectVisible(page.getByRole('listbox'));
        await page.keyboard.press('Escape');
      }
    },
  },
  {
    name: 'j and k do nothing on a ticket opened from a link (no list remembered)',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('walk'));
      const { user } = await apiAs(page, 'GET', '/api/auth/me', undefined, 200);
      const customer = await apiAs(
        page,
        'POST',
        '/api/customers',
        { name: 'Edsger Dijkstra', email: 'ed@example.com' },
        201,
      );
      const ids = [];
      for (const title of ['First in list', 'Second in list']) {
        const t = await apiAs(
          page,
          'POST',
          '/api/tickets',
          {
            title,
            customerId: customer.id,
            assigneeId: user.id,
            type: 'question',
            priority: 'normal',
            topic: 'general',
          },
          201,
        );
        ids.push(t.id);
      }
      await page.goto(`/ticket/${ids[1]}`);
      await expectText(page.getByTestId('ticket-title'), 'Second in list');
      for (const key of ['j', 'k']) {
        await page.keyboard.press(key);
        // The page answers a shortcut at once; a second key press proves the first one was handled.
        await page.keyboard.press('?');
        await expectVisible(page.getByRole('dialog', { name: 'Keyboard shortcuts' }));
        await page.keyboard.press('Escape');
        await expectHidden(page.getByRole('dialog'));
        assert(new URL(page.url()).pathname === `/ticket/${ids[1]}`, `${key} without a remembered list does nothing`);
      }
    },
  },
];
