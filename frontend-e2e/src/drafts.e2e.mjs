// Work never lost (issue 15): a reply typed when the session has ended survives the detour through
// /login; leaving a half-written new ticket asks, and Back brings it back; an edit dialog with
// unsaved edits asks before Escape drops them. Desktop and phone; axe-core on the pages shown.
import {
  apiAs,
  assert,
  dialogForm,
  expectAccessible,
  expectHidden,
  expectText,
  expectValue,
  expectVisible,
  main,
  signUpViaUi,
  uniqueUser,
  waitForPath,
} from './support.mjs';

const SIZES = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

async function myTicket(page, title) {
  const { user } = await apiAs(page, 'GET', '/api/auth/me', undefined, 200);
  const customer = await apiAs(page, 'POST', '/api/customers', { name: 'Ada Lovelace', email: 'ada@example.com' }, 201);
  return apiAs(
    page,
    'POST',
    '/api/tickets',
    { title, customerId: customer.id, assigneeId: user.id, type: 'question', priority: 'normal', topic: 'general' },
    201,
  );
}

async function logIn(page, user) {
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Password').fill(user.password);
  await form.getByRole('button', { name: 'Log in' }).click();
}

const replyBox = (page) => page.getByRole('form', { name: 'Reply' }).getByLabel('Reply');

export const draftsTests = [
  {
    name: 'a reply typed after the session ended is kept: "session expired", sign in, the reply is back',
    async run({ page }) {
      const user = uniqueUser('draft');
      await signUpViaUi(page, user);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const ticket = await myTicket(page, `Printer jams on tray 2 (${size.name})`);
        await page.goto(`/ticket/${ticket.id}`);
        const text = `The driver update fixed it for me on the ${size.name}.`;
        await replyBox(page).fill(text);
        // The session ends elsewhere (logged out from another tab, or expired) while the user types.
        await apiAs(page, 'POST', '/api/auth/logout', undefined, 204);
        await page.getByRole('button', { name: 'Send reply' }).click();

        await waitForPath(page, '/login');
        const notice = page.getByTestId('session-expired');
        await expectText(notice, 'Your session expired — sign in again; your reply is kept.');
        await expectAccessible(page, `the login page with the session-expired notice (${size.name})`);
        await logIn(page, user);

        await waitForPath(page, `/ticket/${ticket.id}`);
        await expectValue(replyBox(page), text, `the restored reply (${size.name})`);
        await expectHidden(notice);
        await page.getByRole('button', { name: 'Send reply' }).click();
        await expectText(page.getByTestId('comment'), text);
        await expectValue(replyBox(page), '', 'the box after sending');
        // Sent: the draft is gone, a reload shows an empty box.
        await page.reload();
        await expectVisible(replyBox(page));
        await expectValue(replyBox(page), '', `the box after a reload once sent (${size.name})`);
      }
    },
  },
  {
    name: 'edits in the edit dialog when the session ended are kept: sign in, Continue editing (desktop, phone)',
    async run({ page }) {
      const user = uniqueUser('edits');
      await signUpViaUi(page, user);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const ticket = await myTicket(page, `Scanner offline (${size.name})`);
        await page.goto(`/ticket/${ticket.id}`);
        await main(page).getByRole('button', { name: 'Edit' }).click();
        const form = await dialogForm(page, 'Edit ticket');
        const title = `Scanner offline since the firmware update (${size.name})`;
        await form.getByLabel('Title').fill(title);
        await apiAs(page, 'POST', '/api/auth/logout', undefined, 204);
        await form.getByRole('button', { name: 'Save changes' }).click();

        await waitForPath(page, '/login');
        await expectText(
          page.getByTestId('session-expired'),
          'Your session expired — sign in again; your edits are kept.',
        );
        await logIn(page, user);
        await waitForPath(page, `/ticket/${ticket.id}`);
        const kept = page.getByTestId('edit-draft');
        await expectText(kept, 'Your unsaved edits of this ticket are kept.');
        await expectAccessible(page, `the ticket with kept edits (${size.name})`);
        await kept.getByRole('button', { name: 'Continue editing' }).click();
        const again = await dialogForm(page, 'Edit ticket');
        await expectValue(again.getByLabel('Title'), title, `the restored title (${size.name})`);
        await again.getByRole('button', { name: 'Save changes' }).click();
        await expectHidden(page.getByRole('dialog'));
        await expectText(page.getByTestId('ticket-title'), title);
        // Saved: nothing is kept any more.
        await page.reload();
        await expectText(page.getByTestId('ticket-title'), title);
        assert((await page.getByTestId('edit-draft').count()) === 0, 'no kept edits once saved');
      }
    },
  },
  {
    name: 'leaving a half-written new ticket asks, and Back brings the draft back (desktop, phone)',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('leave'));
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.goto('/new-ticket');
        const form = page.getByRole('form', { name: 'New ticket' });
        const title = `Laptop will not wake from sleep (${size.name})`;
        await form.getByLabel('Title').fill(title);
        await form.getByLabel('Description').fill('Since Monday, after the update.');

        await main(page).getByRole('link', { name: 'Back to tickets' }).click();
        const ask = page.getByRole('alertdialog');
        await expectText(ask, 'Leave this new ticket?');
        await expectAccessible(page, `the leave question (${size.name})`);
        await ask.getByRole('button', { name: 'Cancel' }).click();
        await expectHidden(ask);
        assert(new URL(page.url()).pathname === '/new-ticket', 'Cancel keeps the user on the new ticket');
        await expectValue(form.getByLabel('Title'), title, 'the title after staying');

        await main(page).getByRole('link', { name: 'Back to tickets' }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Leave' }).click();
        await waitForPath(page, '/tickets');

        await page.goBack();
        await waitForPath(page, '/new-ticket');
        await expectText(page.getByTestId('draft-restored'), 'Your unfinished ticket is back.');
        await expectValue(form.getByLabel('Title'), title, `the title after Back (${size.name})`);
        await expectValue(
          form.getByLabel('Description'),
          'Since Monday, after the update.',
          'the description after Back',
        );

        // "Start over" empties the form and forgets the draft: leaving then asks nothing.
        await page.getByTestId('draft-restored').getByRole('button', { name: 'Start over' }).click();
        await expectValue(form.getByLabel('Title'), '', 'the title after Start over');
        await main(page).getByRole('link', { name: 'Back to tickets' }).click();
        await waitForPath(page, '/tickets');
        await page.goto('/new-ticket');
        await expectValue(form.getByLabel('Title'), '', `a fresh new ticket (${size.name})`);
        assert((await page.getByTestId('draft-restored').count()) === 0, 'no draft after Start over');
      }
    },
  },
  {
    name: 'a new ticket written when the session ended is kept through a reload and signing in again',
    async run({ page }) {
      const user = uniqueUser('newdraft');
      await signUpViaUi(page, user);
      await page.goto('/new-ticket');
      const form = page.getByRole('form', { name: 'New ticket' });
      await form.getByLabel('Title').fill('Projector in room 4 shows no picture');
      // The session ends while the user is still writing; the next page load finds it gone.
      await apiAs(page, 'POST', '/api/auth/logout', undefined, 204);
      await form.getByLabel('Description').fill('Since this morning.');
      await page.reload();
      await waitForPath(page, '/login');
      await logIn(page, user);
      await waitForPath(page, '/new-ticket');
      await expectText(page.getByTestId('draft-restored'), 'Your unfinished ticket is back.');
      await expectValue(form.getByLabel('Title'), 'Projector in room 4 shows no picture', 'the title after signing in');
      await expectValue(form.getByLabel('Description'), 'Since this morning.', 'the description after signing in');
    },
  },
  {
    name: 'an edit dialog with unsaved edits asks before Escape drops them (desktop, phone)',
    async run({ page }) {
      await signUpViaUi(page, uniqueUser('escape'));
      const ticket = await myTicket(page, 'Monitor flickers');
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.goto(`/ticket/${ticket.id}`);
        await main(page).getByRole('button', { name: 'Edit' }).click();
        const form = await dialogForm(page, 'Edit ticket');
        const ask = page.getByRole('alertdialog');
        // Escape in the same moment as the typing, before the app has rendered anything since: it still asks.
        await form.getByLabel('Title').evaluate((input) => {
          input.value = `${input.value}!`;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        });
        await expectText(ask, 'Discard your changes?');
        await ask.getByRole('button', { name: 'Cancel' }).click();
        await expectHidden(ask);
        await form.getByLabel('Title').fill(`Monitor flickers at 60 Hz (${size.name})`);
        await page.keyboard.press('Escape');
        await expectText(ask, 'Discard your changes?');
        await ask.getByRole('button', { name: 'Cancel' }).click();
        await expectHidden(ask);
        await expectValue(
          form.getByLabel('Title'),
          `Monitor flickers at 60 Hz (${size.name})`,
          'the edit after Cancel',
        );
        await page.keyboard.press('Escape');
        await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
        await expectHidden(page.getByRole('dialog'));
        await expectText(page.getByTestId('ticket-title'), 'Monitor flickers');
      }
    },
  },
];
