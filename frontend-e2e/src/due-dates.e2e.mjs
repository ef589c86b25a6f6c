// Due dates through the UI: the due policy on /settings (its errors next to each priority), a due
// time given in the ticket form, the Overdue badge on the ticket page, and clearing the due time.
import {
  apiAs,
  dialogForm,
  expectAccessible,
  expectHidden,
  expectText,
  expectValue,
  expectVisible,
  main,
  pickAutocomplete,
  screenshot,
  signUpViaUi,
  uniqueUser,
  waitForPath,
} from './support.mjs';

async function customerFor(page) {
  return apiAs(page, 'POST', '/api/customers', { name: 'Grace Hopper', email: 'grace@example.com' }, 201);
}

/**
 * Sets the policy on /settings: a refused value first (its message beside the field), then good
 * ones. Opened by URL, the policy's load is held until that first value is typed: what the user
 * typed meanwhile must survive the load's arrival.
 */
async function setPolicy(page, via) {
  const form = page.getByRole('form', { name: 'Due policy' });
  if (via === 'nav') {
    await page.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
    await waitForPath(page, '/settings');
    await expectHidden(page.getByRole('progressbar', { name: 'Loading your due policy' }));
    await expectValue(form.getByLabel('Urgent (minutes)'), '', 'an unset urgent policy');
    await form.getByLabel('Urgent (minutes)').fill('0');
  } else {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const hold = async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.continue();
    };
    await page.route('**/api/settings/due-policy', hold);
    await page.goto('/settings');
    await waitForPath(page, '/settings');
    await expectVisible(page.getByRole('progressbar', { name: 'Loading your due policy' }));
    await form.getByLabel('Urgent (minutes)').fill('0');
    release();
    await expectHidden(page.getByRole('progressbar', { name: 'Loading your due policy' }));
    await page.unroute('**/api/settings/due-policy', hold);
    await expectValue(form.getByLabel('Urgent (minutes)'), '0', 'a value typed while the policy loaded');
  }
  await form.getByRole('button', { name: 'Save' }).click();
  await expectText(form, 'Whole minutes from 1 to 525600, or empty');
  await form.getByLabel('Urgent (minutes)').fill('240');
  await form.getByLabel('High (minutes)').fill('1440');
  await expectText(form, 'Due in 4 hours');
  await expectText(form, 'Due in 1 day');
  await form.getByRole('button', { name: 'Save' }).click();
  await expectText(page.locator('mat-snack-bar-container'), 'Due policy saved');
  const saved = await apiAs(page, 'GET', '/api/settings/due-policy', undefined, 200);
  if (saved.urgent !== 240 || saved.high !== 1440 || saved.normal !== null || saved.low !== null)
    throw new Error(`the saved policy is ${JSON.stringify(saved)}`);
  await page.reload();
  await expectValue(
    page.getByRole('form', { name: 'Due policy' }).getByLabel('Urgent (minutes)'),
    '240',
    'the saved policy',
  );
  await expectAccessible(page, 'the settings page');
}

export const dueDatesTests = [
  {
    name: 'a user sets a due policy, gives a ticket a past due time, sees it overdue, and clears it',
    async run({ page, artifactsDir }) {
      const user = uniqueUser('due');
      await signUpViaUi(page, user);
      await customerFor(page);
      await setPolicy(page, 'nav');
      await screenshot(page, artifactsDir, 'settings-due-policy');

      await page.goto('/new-ticket');
      const form = page.getByRole('form', { name: 'New ticket' });
      await form.getByLabel('Title').fill('Renewal quote is late');
      await pickAutocomplete(page, form, 'Customer', 'grace', /Grace Hopper/);
      await pickAutocomplete(page, form, 'Assignee', user.username, user.username);
      await expectText(page.getByTestId('due-field'), 'left empty, your due policy decides');
      await form.getByLabel('Due').fill('2020-01-02T09:30');
      await form.getByRole('button', { name: 'Create ticket' }).click();
      await page.waitForURL(/\/ticket\/[0-9a-f-]+$/);

      await expectText(page.getByTestId('ticket-due'), 'Jan 2, 2020, 9:30 AM');
      await expectVisible(main(page).getByRole('heading', { level: 1 }).locator('..').getByTestId('overdue-badge'));
      await expectAccessible(page, 'an overdue ticket');
      await screenshot(page, artifactsDir, 'ticket-overdue');

      await main(page).getByRole('button', { name: 'Edit' }).click();
      const edit = await dialogForm(page, 'Edit ticket');
      await expectValue(edit.getByLabel('Due'), '2020-01-02T09:30', 'the due time in the edit form');
      await edit.getByLabel('Due').fill('');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expectText(page.getByTestId('ticket-due'), 'No due date');
      await expectHidden(page.getByTestId('overdue-badge'));
    },
  },
  {
    name: 'on a 390 px phone, a user sets the due policy and a new ticket is due by it',
    async run({ page }) {
      const user = uniqueUser('duephone');
      await signUpViaUi(page, user);
      await page.setViewportSize({ width: 390, height: 844 });
      const customer = await customerFor(page);
      await setPolicy(page, 'url');
      const me = await apiAs(page, 'GET', '/api/auth/me', undefined, 200);
      const ticket = await apiAs(
        page,
        'POST',
        '/api/tickets',
        {
          title: 'Fire alarm test',
          customerId: customer.id,
          assigneeId: me.user.id,
          type: 'task',
          priority: 'urgent',
          topic: 'facilities',
        },
        201,
      );
      if (Date.parse(ticket.dueAt) - Date.parse(ticket.createdAt) !== 240 * 60_000)
        throw new Error(`the urgent ticket is due at ${ticket.dueAt}, created ${ticket.createdAt}`);
      await page.goto(`/ticket/${ticket.id}`);
      await expectVisible(page.getByTestId('ticket-due').locator('time'));
      await expectHidden(page.getByTestId('overdue-badge'));
      await expectAccessible(page, 'a ticket due soon, on a phone');
    },
  },
];
