// Daily work (issue 15, "Defects to fix"), at a 1366×800 desktop and on a 390 px phone: the search
// box on Enter, /tickets on both boxes, a phone nav with every section, the skip link and the
// focus after a page change, visible focus rings, pinned dialog actions, asking before an edit
// dialog drops unsaved edits, and the nav highlight on detail pages. axe-core checks each page.
import {
  apiAs,
  assert,
  dialogForm,
  expectAccessible,
  expectEventually,
  expectHidden,
  expectText,
  expectVisible,
  main,
  pickAutocomplete,
  screenshot,
  signUpViaUi,
  ticketRow,
  uniqueUser,
  waitForPath,
} from './support.mjs';

const DESKTOP = { name: 'desktop', width: 1366, height: 800 };
const PHONE = { name: 'phone', width: 390, height: 844 };

const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });
const activeTag = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}` : 'none';
  });

async function me(page) {
  return (await apiAs(page, 'GET', '/api/auth/me', undefined, 200)).user;
}

async function customer(page, name = 'Grace Hopper') {
  return apiAs(page, 'POST', '/api/customers', { name, email: `${name.split(' ')[0].toLowerCase()}@example.com` }, 201);
}

async function ticket(page, { title, customerId, assigneeId, description }) {
  return apiAs(
    page,
    'POST',
    '/api/tickets',
    {
      title,
      customerId,
      assigneeId,
      type: 'question',
      priority: 'normal',
      topic: 'technical',
      ...(description ? { description } : {}),
    },
    201,
  );
}

export const dailyWorkTests = [
  {
    name: 'Enter in a search box searches for the typed text (not "[object Event]"), desktop and phone',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('enter'));
      for (const size of [DESKTOP, PHONE]) {
        await page.setViewportSize(size);
        for (const [path, label] of [
          ['/tickets', 'Search tickets'],
          ['/customers', 'Search customers'],
          ['/macros', 'Search macros'],
        ]) {
          await page.goto(path);
          const box = main(page).getByRole('searchbox', { name: label });
          await box.fill(`printer ${size.name}`);
          await box.press('Enter');
          await expectEventually(
            () => new URL(page.url()).searchParams.get('q'),
            `printer ${size.name}`,
            `${path} at ${size.name}: the search in the URL after Enter`,
          );
          // The search stays where the user typed it: a query change is not a page change.
          await expectEventually(() => box.evaluate((el) => el === document.activeElement), true, 'focus in the box');
          await expectEventually(() => box.inputValue(), `printer ${size.name}`, 'the box keeps the text');
        }
        await expectAccessible(page, `the macros search at ${size.name}`);
      }
    },
  },

  {
    name: '/tickets opens on both boxes: incoming and outgoing tickets together, the All tab selected',
    async run({ page, newPage }) {
      const a = uniqueUser('both');
      const b = uniqueUser('other');
      const pageB = await newPage();
      await signUpViaUi(page, a);
      await signUpViaUi(pageB, b);
      const [aId, bId] = [(await me(page)).id, (await me(pageB)).id];
      const sent = `Sent by me ${Date.now().toString(36)}`;
      const received = `Assigned to me ${Date.now().toString(36)}`;
      await ticket(page, { title: sent, customerId: (await customer(page)).id, assigneeId: bId });
      await ticket(pageB, { title: received, customerId: (await customer(pageB, 'Ada Lovelace')).id, assigneeId: aId });

      for (const size of [DESKTOP, PHONE]) {
        await page.setViewportSize(size);
        await page.goto('/tickets');
        await expectVisible(ticketRow(page, sent));
        await expectVisible(ticketRow(page, received));
        const tabs = main(page).getByRole('tab');
        assert((await tabs.first().textContent())?.trim() === 'All', 'the first tab is All');
        await expectEventually(() => tabs.first().getAttribute('aria-selected'), 'true', 'All is the selected tab');
        await expectAccessible(page, `/tickets at ${size.name}`);
      }
      // Incoming still narrows to what is assigned to me.
      await main(page).getByRole('tab', { name: 'Incoming' }).click();
      await expectVisible(ticketRow(page, received));
      await expectHidden(ticketRow(page, sent));
    },
  },

  {
    name: 'on a phone the nav shows every section and the unread badge, and the keyboard reaches them',
    async run({ page, newPage, artifactsDir }) {
      // An unread message for the badge: B's trigger tells A (the ticket's creator) when B closes it.
      const a = uniqueUser('phone');
      const b = uniqueUser('closer');
      const pageB = await newPage();
      await signUpViaUi(page, a);
      await signUpViaUi(pageB, b);
      const t = await ticket(page, {
        title: 'Phone nav',
        customerId: (await customer(page)).id,
        assigneeId: (await me(pageB)).id,
      });
      await apiAs(
        pageB,
        'POST',
        '/api/triggers',
        {
          name: 'Closed',
          event: 'ticket.closed',
          recipient: { kind: 'ticket_creator' },
          message: 'Closed {{ticket.title}}',
          active: true,
        },
        201,
      );
      await apiAs(pageB, 'POST', `/api/tickets/${t.id}/close`, undefined, 200);

      await page.setViewportSize(PHONE);
      await page.goto('/tickets');
      await expectText(mainNav(page).getByTestId('unread-badge'), '1', 15_000);
      for (const label of ['Tickets', 'Customers', 'Macros', 'Triggers', 'Messages', 'Dashboard']) {
        const link = mainNav(page).getByRole('link', { name: label });
        await expectVisible(link);
        const box = await link.boundingBox();
        assert(
          box && box.x >= 0 && box.x + box.width <= PHONE.width && box.y >= 0 && box.y + box.height <= PHONE.height,
          `${label} is in view on the phone: ${JSON.stringify(box)}`,
        );
        assert(box.height >= 24 && box.width >= 24, `${label} is a big enough target: ${JSON.stringify(box)}`);
      }
      const badge = await mainNav(page).getByTestId('unread-badge').boundingBox();
      assert(
        badge && badge.x >= 0 && badge.x + badge.width <= PHONE.width && badge.y + badge.height <= PHONE.height,
        `the badge is in view: ${JSON.stringify(badge)}`,
      );
      const scrolls = await mainNav(page).evaluate((nav) => nav.scrollWidth > nav.clientWidth);
      assert(!scrolls, 'the phone nav does not hide links in a sideways scroll');
      // Nothing on the page sits under the bottom bar: the page's end scrolls above it.
      await screenshot(page, artifactsDir, 'phone-nav');
      await expectAccessible(page, 'the phone nav');

      // Keyboard only: Tab reaches Messages, Enter opens it.
      const messages = mainNav(page).getByRole('link', { name: /^Messages/ });
      for (let i = 0; i < 15 && !(await messages.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      assert(await messages.evaluate((el) => el === document.activeElement), 'Tab reaches Messages');
      await page.keyboard.press('Enter');
      await waitForPath(page, '/messages');
      await expectEventually(() => messages.getAttribute('aria-current'), 'page', 'Messages is the current section');
    },
  },

  {
    name: 'the keyboard: a skip link first, focus on the new page heading, a clear ring on filled buttons',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('keys'));
      for (const size of [DESKTOP, PHONE]) {
        await page.setViewportSize(size);
        await page.goto('/customers');
        await expectVisible(main(page).getByRole('heading', { level: 1, name: 'Customers' }));
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: 'Skip to content' });
        assert(await skip.evaluate((el) => el === document.activeElement), 'the first Tab stop is "Skip to content"');
        const box = await skip.boundingBox();
        assert(box && box.y >= 0 && box.y < size.height, `the focused skip link shows: ${JSON.stringify(box)}`);
        await page.keyboard.press('Enter');
        await expectEventually(() => activeTag(page), 'h1:Customers', 'Enter on the skip link focuses the heading');
        assert(new URL(page.url()).pathname === '/customers', 'the skip link stays on the page');

        // The next Tab goes into the page (the Create button), with a visible ring.
        await page.keyboard.press('Tab');
        const create = main(page).getByRole('button', { name: 'Create customer' }).first();
        assert(await create.evaluate((el) => el === document.activeElement), 'Tab after the heading: Create customer');
        const ring = await create.evaluate((el) => {
          const style = getComputedStyle(el);
          return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        assert(
          ring.style === 'solid' && ring.width >= 2,
          `a filled button shows a focus ring: ${JSON.stringify(ring)}`,
        );

        // A page change moves the focus to the new page's heading.
        await mainNav(page).getByRole('link', { name: 'Macros' }).click();
        await waitForPath(page, '/macros');
        await expectEventually(() => activeTag(page), 'h1:Macros', 'after a page change the focus is on its heading');
        await expectAccessible(page, `/macros at ${size.name}`);
      }
    },
  },

  {
    name: 'the nav highlights the section of a detail page, the logo leads to the tickets, user text has dir=auto',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('detail'));
      const c = await customer(page);
      const t = await ticket(page, {
        title: 'مرحبا — printer',
        description: 'שלום, the printer is jammed',
        customerId: c.id,
        assigneeId: (await me(page)).id,
      });
      for (const size of [DESKTOP, PHONE]) {
        await page.setViewportSize(size);
        for (const [path, section] of [
          [`/ticket/${t.id}`, 'Tickets'],
          ['/new-ticket', 'Tickets'],
          [`/customer/${c.id}`, 'Customers'],
          ['/macros/apply', 'Macros'],
        ]) {
          await page.goto(path);
          const link = mainNav(page).getByRole('link', { name: section });
          await expectEventually(() => link.getAttribute('aria-current'), 'page', `${path} highlights ${section}`);
          const current = await mainNav(page).locator('[aria-current="page"]').count();
          assert(current === 1, `${path}: one current section, got ${current}`);
        }
        await page.goto(`/ticket/${t.id}`);
        await expectText(page.getByTestId('ticket-title'), 'printer');
        assert((await page.getByTestId('ticket-title').getAttribute('dir')) === 'auto', 'the title has dir=auto');
        // The ticket's number (#1042) heads its page and its tab's title.
        await expectText(page.getByTestId('ticket-number'), `#${t.number}`);
        assert((await page.title()).startsWith(`#${t.number} `), `the tab's title names #${t.number}`);
        await page.goto('/tickets');
        const row = page.getByTestId('ticket-row').filter({ hasText: 'printer' });
        await expectText(row.getByTestId('ticket-number'), `#${t.number}`);
        await page.goto(`/ticket/${t.id}`);
        assert((await page.getByTestId('ticket-description').getAttribute('dir')) === 'auto', 'the description too');
        await expectAccessible(page, `the ticket page at ${size.name}`);
        await page
          .getByRole('banner')
          .getByRole('link', { name: /^Balanced Workspace/ })
          .click();
        await waitForPath(page, '/tickets');
      }
    },
  },

  {
    name: 'an edit dialog at 800 px keeps Save in view and asks before Escape or a click outside drops edits',
    async run({ page, artifactsDir }) {
      await signUpViaUi(page, uniqueUser('dialog'));
      const t = await ticket(page, {
        title: 'Toner is empty',
        customerId: (await customer(page)).id,
        assigneeId: (await me(page)).id,
      });
      for (const size of [DESKTOP, PHONE]) {
        await page.setViewportSize({ width: size.width, height: 800 });
        await page.goto(`/ticket/${t.id}`);
        await expectText(page.getByTestId('ticket-title'), 'Toner is empty');
        await main(page).getByRole('button', { name: 'Edit' }).click();
        const form = await dialogForm(page, 'Edit ticket');
        const save = form.getByRole('button', { name: 'Save changes' });
        const inView = () =>
          save.evaluate((button) => {
            const r = button.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return r.bottom <= window.innerHeight && r.top >= 0 && (hit === button || button.contains(hit));
          });
        await expectEventually(inView, true, `Save is in view at the top of the form (${size.name})`);
        // Scrolled to any field, Save and Cancel stay in view.
        await form.getByRole('textbox', { name: 'Title' }).fill('Toner is empty (tray 2)');
        await page
          .getByRole('dialog')
          .locator('mat-dialog-content')
          .evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
        await expectEventually(inView, true, `Save is in view while the form scrolls (${size.name})`);
        await screenshot(page, artifactsDir, `edit-dialog-pinned-${size.name}`);
        await expectAccessible(page, `the edit dialog at ${size.name}`);

        // Escape with an edit: the dialog asks; "Cancel" keeps the edit.
        await page.keyboard.press('Escape');
        const ask = page.getByRole('alertdialog');
        await expectText(ask, 'Discard your changes?');
        // Measured once it has opened (Material moves the focus in when its open animation ends).
        await page.waitForFunction(() => Boolean(document.activeElement?.closest('[role="alertdialog"]')));
        await expectAccessible(page, `the discard question at ${size.name}`);
        await ask.getByRole('button', { name: 'Cancel' }).click();
        await expectHidden(ask);
        await expectEventually(
          () => form.getByRole('textbox', { name: 'Title' }).inputValue(),
          'Toner is empty (tray 2)',
          'the edit is kept',
        );

        // A click outside asks too; "Discard changes" closes without saving.
        await page.mouse.click(4, 796);
        await expectText(ask, 'Discard your changes?');
        await ask.getByRole('button', { name: 'Discard changes' }).click();
        await expectHidden(page.getByRole('dialog'));
        await expectText(page.getByTestId('ticket-title'), 'Toner is empty');
        const saved = await apiAs(page, 'GET', `/api/tickets/${t.id}`, undefined, 200);
        assert(saved.title === 'Toner is empty', `nothing was saved: ${saved.title}`);

        // Without edits, Escape closes at once.
        await main(page).getByRole('button', { name: 'Edit' }).click();
        await dialogForm(page, 'Edit ticket');
        await page.keyboard.press('Escape');
        await expectHidden(page.getByRole('dialog'));
        assert((await page.getByRole('alertdialog').count()) === 0, 'no question without edits');
      }
    },
  },

  {
    name: 'forms and dialogs read well: "Enter an email address", the trigger test headings, inactive triggers',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('words'));
      const c = await customer(page);
      const t = await ticket(page, { title: 'Scanner offline', customerId: c.id, assigneeId: (await me(page)).id });
      await apiAs(
        page,
        'POST',
        '/api/triggers',
        {
          name: 'Sleeping trigger',
          event: 'ticket.closed',
          recipient: { kind: 'ticket_creator' },
          message: 'Closed {{ticket.title}}',
          active: false,
        },
        201,
      );

      await page.setViewportSize(DESKTOP);
      await page.goto('/customers');
      await main(page).getByRole('button', { name: 'Create customer' }).first().click();
      const form = await dialogForm(page, 'New customer');
      await form.getByLabel('Name', { exact: true }).fill('Linus');
      await form.getByRole('button', { name: 'Create customer' }).click();
      await expectText(form.getByTestId('email-field').locator('mat-error'), 'Enter an email address');
      await form.getByRole('button', { name: 'Cancel' }).click();
      await expectHidden(page.getByRole('dialog'));

      // The inactive trigger keeps readable text (axe: colour contrast), and its test dialog's headings go in order.
      await page.goto('/triggers');
      const row = page.getByTestId('trigger-row').filter({ hasText: 'Sleeping trigger' });
      await expectVisible(row);
      await expectAccessible(page, '/triggers with an inactive trigger');
      await row.getByRole('button', { name: 'Test' }).click();
      const dialog = page.getByRole('dialog');
      await pickAutocomplete(page, dialog, 'Ticket', 'Scanner', /Scanner offline/);
      await dialog.getByRole('button', { name: 'Run test' }).click();
      await expectVisible(dialog.getByTestId('trigger-test-result'));
      // Headings go down one level at a time: the dialog's h2, then h3 (axe only calls this best practice).
      const levels = await dialog.evaluate((el) =>
        [...el.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => +h.tagName[1]),
      );
      assert(levels[0] === 2 && levels.length > 1, `the test dialog's headings: ${levels}`);
      for (let i = 1; i < levels.length; i++) {
        assert(levels[i] <= levels[i - 1] + 1, `heading order in the test dialog: ${levels}`);
      }
      await expectAccessible(page, 'the trigger test result');
      await dialog.getByRole('button', { name: 'Close' }).click();

      // The macro apply page lists the ticket's fields in a valid dl, and the link to it outside.
      await page.setViewportSize(PHONE);
      await page.goto(`/macros/apply?ticketId=${t.id}`);
      await expectVisible(page.getByTestId('current-ticket'));
      await expectVisible(main(page).getByRole('link', { name: 'Open the ticket' }));
      await expectAccessible(page, 'the macro apply page on a phone');
    },
  },
];
