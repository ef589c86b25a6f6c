// Macros, message triggers and messages through the UI. A builds a macro with the action editor
// and applies it to a ticket after previewing it; A sets up a trigger, tests it, and receives the
// message it sends when B closes A's ticket.
import { dialogForm, fillSettled, main } from './support.mjs';
import {
  apiAs,
  assert,
  chooseSelectOption,
  expectEventually,
  expectHidden,
  expectText,
  expectValue,
  expectVisible,
  pickAutocomplete,
  screenshot,
  signUpViaUi,
  uniqueUser,
  waitForPath,
} from './support.mjs';

const nav = (page) => page.getByRole('banner');

async function me(page) {
  return (await apiAs(page, 'GET', '/api/auth/me', undefined, 200)).user;
}

/** A customer and a ticket for it, created by the page's user through the API. */
async function customerAndTicket(page, { customer, title, assigneeId, priority = 'normal', topic = 'billing' }) {
  const c = await apiAs(page, 'POST', '/api/customers', customer, 201);
  const t = await apiAs(
    page,
    'POST',
    '/api/tickets',
    { title, customerId: c.id, assigneeId, type: 'question', priority, topic },
    201,
  );
  return { customer: c, ticket: t };
}

/**
 * Waits until the message list shows a message containing `text` (delivery is asynchronous). No
 * Refresh: one written after the page loaded arrives through the live stream.
 */
async function waitForMessage(page, text, timeout = 15_000) {
  const row = page.getByTestId('message-row').filter({ hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout });
  return row;
}

export const macrosTriggersTests = [
  {
    name: 'A builds a macro in the action editor on /macros, sees it listed, previews it on a ticket and applies it',
    async run({ page, newPage, artifactsDir }) {
      const a = uniqueUser('macro');
      const b = uniqueUser('sharer');
      const pageB = await newPage();
      await signUpViaUi(pageB, b);
      const sharedName = `Shared by B ${Date.now().toString(36)}`;
      await apiAs(
        pageB,
        'POST',
        '/api/macros',
        { name: sharedName, availableFor: 'everyone', actions: [{ type: 'set_status', value: 'pending' }] },
        201,
      );
      await signUpViaUi(page, a);
      const self = await me(page);
      const title = `Invoice shows the wrong amount ${Date.now().toString(36)}`;
      const { ticket } = await customerAndTicket(page, {
        customer: { name: 'Ada Lovelace', email: 'ada@analytical.example' },
        title,
        assigneeId: self.id,
      });

      await nav(page).getByRole('link', { name: 'Macros' }).click();
      await waitForPath(page, '/macros');
      // B's macro is shared with everyone: A sees it, but only its owner may change it.
      const shared = page.getByTestId('macro-row').filter({ hasText: sharedName });
      await expectText(shared, `Shared by ${b.username}`);
      await expectText(shared.getByTestId('macro-availability'), 'Everyone');
      await expectText(shared, 'Set status: Pending');
      assert(
        (await shared.getByRole('button', { name: 'Edit' }).count()) === 0,
        'no Edit on a macro someone else owns',
      );
      assert(
        (await shared.getByRole('button', { name: 'Delete' }).count()) === 0,
        'no Delete on a macro someone else owns',
      );
      await main(page).getByRole('button', { name: 'Create macro' }).first().click();
      const form = await dialogForm(page, 'New macro');
      await form.getByLabel('Name', { exact: true }).fill('Escalate billing');
      await form.getByLabel('Description').fill('Urgent priority and a friendly hello');
      const rows = form.getByTestId('action-row');

      // Step 1 starts as a comment. A placeholder the server does not know is caught next to the row.
      const comment = rows.nth(0).getByLabel('Comment', { exact: true });
      await fillSettled(comment, 'Hello {{customer.nickname}}');
      await form.getByRole('button', { name: 'Create macro' }).click();
      await expectText(rows.nth(0).locator('mat-error'), 'Unknown placeholder {{customer.nickname}}');

      // The placeholder buttons insert at the cursor.
      await comment.fill('Hello !');
      await comment.press('End');
      await comment.press('ArrowLeft');
      await rows
        .nth(0)
        .getByRole('button', { name: /^Insert \{\{customer\.name\}\}/ })
        .click();
      await expectValue(comment, 'Hello {{customer.name}}!', 'the comment after inserting a placeholder');
      await comment.press('End');
      await comment.press('Backspace');
      await expectValue(comment, 'Hello {{customer.name}}', 'the comment');

      // Step 2: set the priority to urgent, then move it first.
      await form.getByRole('button', { name: 'Add action' }).click();
      await expectEventually(() => rows.count(), 2, 'action rows');
      await chooseSelectOption(page, rows.nth(1), 'Action', 'Set priority');
      await chooseSelectOption(page, rows.nth(1), 'Priority', 'Urgent');
      await rows.nth(1).getByRole('button', { name: 'Move step 2 up' }).click();
      await expectVisible(rows.nth(0).getByLabel('Priority', { exact: true }));
      await expectValue(
        rows.nth(1).getByLabel('Comment', { exact: true }),
        'Hello {{customer.name}}',
        'the comment, now step 2',
      );
      await screenshot(page, artifactsDir, 'macro-editor');
      await form.getByRole('button', { name: 'Create macro' }).click();
      await expectHidden(page.getByRole('dialog'));

      const row = page.getByTestId('macro-row').filter({ hasText: 'Escalate billing' });
      await expectVisible(row);
      await expectText(row.getByRole('listitem').nth(0), 'Set priority: Urgent');
      await expectText(row.getByRole('listitem').nth(1), 'Add comment: “Hello {{customer.name}}”');
      await expectText(row.getByTestId('macro-availability'), 'Only me');
      await expectVisible(row.getByRole('button', { name: 'Edit' }));
      await screenshot(page, artifactsDir, 'macros');

      // Someone (the same user in another tab) saves the macro while A edits it: A is told, reloads, and saves again.
      await row.getByRole('button', { name: 'Edit' }).click();
      const editForm = await dialogForm(page, 'Edit macro');
      await expectValue(editForm.getByLabel('Name', { exact: true }), 'Escalate billing', 'the name being edited');
      const [saved] = (await apiAs(page, 'GET', '/api/macros?q=Escalate', undefined, 200)).items;
      await apiAs(
        page,
        'PATCH',
        `/api/macros/${saved.id}`,
        { name: 'Escalate billing (v2)', version: saved.version },
        200,
      );
      await editForm.getByLabel('Description').fill('Changed in the dialog');
      await editForm.getByRole('button', { name: 'Save changes' }).click();
      await expectText(editForm.getByTestId('form-error'), 'Someone else changed this');
      await editForm.getByTestId('form-error').getByRole('button', { name: 'Reload' }).click();
      await expectValue(editForm.getByLabel('Name', { exact: true }), 'Escalate billing (v2)', 'the reloaded name');
      await editForm.getByLabel('Description').fill('Urgent priority and a friendly hello, reloaded');
      await editForm.getByRole('button', { name: 'Save changes' }).click();
      await expectHidden(page.getByRole('dialog'));
      await expectText(row, 'Urgent priority and a friendly hello, reloaded');
      await expectText(row.getByRole('heading'), 'Escalate billing (v2)');

      // Preview, then apply, on the ticket's own page.
      await page.goto(`/ticket/${ticket.id}`);
      await waitForPath(page, `/ticket/${ticket.id}`);
      await pickAutocomplete(page, main(page), 'Macro', 'escalate', /Escalate billing/);
      const preview = page.getByTestId('macro-preview');
      await expectText(preview.getByTestId('change-priority'), 'Urgent');
      await expectText(preview.getByTestId('change-priority').locator('.before'), 'Normal');
      await expectText(preview.getByTestId('preview-comment'), 'Hello Ada Lovelace');
      assert((await preview.getByTestId('change-status').count()) === 0, 'the status is not changed by this macro');
      await screenshot(page, artifactsDir, 'macro-preview');

      // Nothing was saved by the preview.
      const untouched = await apiAs(page, 'GET', `/api/tickets/${ticket.id}`, undefined, 200);
      assert(
        untouched.priority === 'normal' && untouched.version === ticket.version,
        'the preview must not change the ticket',
      );

      await page.getByTestId('macro-apply').getByRole('button', { name: 'Apply', exact: true }).click();
      await expectText(page.getByTestId('macro-apply').getByRole('status'), 'The macro was applied.');
      await expectVisible(main(page).getByText('Hello Ada Lovelace'));
      await expectHidden(page.getByTestId('macro-preview'));
      const applied = await apiAs(page, 'GET', `/api/tickets/${ticket.id}`, undefined, 200);
      assert(applied.priority === 'urgent', `the macro should make the ticket urgent, got ${applied.priority}`);
      const comments = await apiAs(page, 'GET', `/api/tickets/${ticket.id}/comments`, undefined, 200);
      assert(
        comments.items.some((c) => c.body === 'Hello Ada Lovelace'),
        `the macro should add the greeting, got ${JSON.stringify(comments.items.map((c) => c.body))}`,
      );

      // Search, then delete after confirming.
      await page.goto('/macros');
      await waitForPath(page, '/macros');
      await main(page).getByLabel('Search macros').fill('escalate');
      await expectEventually(() => page.getByTestId('macro-row').count(), 1, 'macros matching "escalate"');
      await row.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete macro' }).click();
      await expectVisible(main(page).getByRole('heading', { name: 'No macros match' }));
    },
  },
  {
    name: 'A creates a ticket.closed trigger for the ticket creator, tests it, and gets the message when B closes the ticket',
    async run({ page, newPage, artifactsDir }) {
      const a = uniqueUser('trig');
      const b = uniqueUser('closer');
      const pageB = await newPage();
      await signUpViaUi(page, a);
      await signUpViaUi(pageB, b);
      const bob = await me(pageB);
      const title = `VPN drops every hour ${Date.now().toString(36)}`;
      const { ticket } = await customerAndTicket(page, {
        customer: { name: 'Grace Hopper', email: 'grace@navy.example' },
        title,
        assigneeId: bob.id,
        priority: 'high',
        topic: 'technical',
      });

      // A sets up the trigger.
      await nav(page).getByRole('link', { name: 'Triggers' }).click();
      await waitForPath(page, '/triggers');
      await expectVisible(main(page).getByRole('heading', { name: 'No triggers yet' }));
      await main(page).getByRole('button', { name: 'Create trigger' }).first().click();
      const form = await dialogForm(page, 'New trigger');
      await form.getByLabel('Name', { exact: true }).fill('Tell me when it is closed');
      await chooseSelectOption(page, form, 'Event', 'Ticket closed');
      await form.getByLabel('Priority', { exact: true }).click();
      await page.getByRole('listbox').getByRole('option', { name: 'High', exact: true }).click();
      await page.getByRole('listbox').getByRole('option', { name: 'Urgent', exact: true }).click();
      await page.keyboard.press('Escape');
      await expectHidden(page.getByRole('listbox'));
      await chooseSelectOption(page, form, 'Recipient', 'The ticket’s creator');
      const message = form.getByLabel('Message', { exact: true });
      await message.fill('Closed: ');
      await form.getByRole('button', { name: /^Insert \{\{ticket\.title\}\}/ }).click();
      await message.press('End');
      await message.pressSequentially(' for {{customer.name}}, by {{current_user.username}}.');
      await expectValue(
        message,
        'Closed: {{ticket.title}} for {{customer.name}}, by {{current_user.username}}.',
        'the message',
      );
      await screenshot(page, artifactsDir, 'trigger-form');
      await form.getByRole('button', { name: 'Create trigger' }).click();
      await expectHidden(page.getByRole('dialog'));

      const row = page.getByTestId('trigger-row').filter({ hasText: 'Tell me when it is closed' });
      await expectVisible(row);
      await expectText(row, 'Priority is High or Urgent');
      await expectText(row, 'The ticket’s creator');

      // Off and on again: each switch saves with the version on screen.
      const toggle = row.getByRole('switch');
      assert((await toggle.getAttribute('aria-checked')) === 'true', 'a new trigger is active');
      await toggle.click();
      await expectEventually(() => toggle.getAttribute('aria-checked'), 'false', 'the trigger switched off');
      await expectEventually(
        async () => (await apiAs(page, 'GET', '/api/triggers', undefined, 200)).items[0].active,
        false,
        'the saved state',
      );
      await expectEventually(() => toggle.isDisabled(), false, 'the switch is ready again');
      await toggle.click();
      await expectEventually(() => toggle.getAttribute('aria-checked'), 'true', 'the trigger switched on');
      await expectEventually(
        async () => (await apiAs(page, 'GET', '/api/triggers', undefined, 200)).items[0].active,
        true,
        'the saved state',
      );

      // A dry run against the ticket.
      await expectEventually(() => row.getByRole('button', { name: 'Test' }).isDisabled(), false, 'the row is ready');
      await row.getByRole('button', { name: 'Test' }).click();
      const dialog = page.getByRole('dialog');
      await pickAutocomplete(page, dialog, 'Ticket', 'VPN', new RegExp(title));
      await dialog.getByRole('button', { name: 'Run test' }).click();
      await expectText(dialog.getByTestId('trigger-test-verdict'), 'Fires');
      await expectText(dialog.getByTestId('trigger-test-result'), 'priority high is one of high, urgent');
      await expectText(
        dialog.getByTestId('trigger-test-message'),
        `Closed: ${title} for Grace Hopper, by ${a.username}.`,
      );
      await screenshot(page, artifactsDir, 'trigger-test');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expectHidden(page.getByRole('dialog'));
      const before = await apiAs(page, 'GET', '/api/messages?box=inbox', undefined, 200);
      assert(before.items.length === 0, 'a test sends nothing');

      // B closes the ticket; A (its creator) gets the message, sent by A's own trigger.
      await apiAs(pageB, 'POST', `/api/tickets/${ticket.id}/close`, undefined, 200);
      await nav(page).getByRole('link', { name: 'Messages' }).click();
      await waitForPath(page, '/messages');
      const expected = `Closed: ${title} for Grace Hopper, by ${b.username}.`;
      const inboxRow = await waitForMessage(page, expected);
      await expectText(inboxRow, `From ${a.username}`);
      await expectText(inboxRow, 'Ticket closed');
      assert(await inboxRow.evaluate((el) => el.classList.contains('unread')), 'a new message is unread');
      await expectText(nav(page).getByTestId('unread-badge'), '1');
      await expectText(main(page).getByTestId('tab-inbox'), '1');
      await screenshot(page, artifactsDir, 'messages-inbox');

      await inboxRow.getByRole('button', { name: 'Mark read' }).click();
      await expectEventually(
        () => inboxRow.evaluate((el) => el.classList.contains('unread')),
        false,
        'the message is read',
      );
      await expectHidden(nav(page).getByTestId('unread-badge'));
      const read = await apiAs(page, 'GET', '/api/messages?box=inbox', undefined, 200);
      assert(read.items[0].readAt !== null, 'marked read on the server');

      await main(page).getByTestId('tab-sent').click();
      await expectEventually(() => new URL(page.url()).searchParams.get('box'), 'sent', 'the box in the URL');
      const sentRow = await waitForMessage(page, expected);
      await expectText(sentRow, `To ${a.username}`);
      await expectText(sentRow, 'Read');
      await screenshot(page, artifactsDir, 'messages-sent');

      await sentRow.getByRole('link', { name: 'Open ticket' }).click();
      await waitForPath(page, `/ticket/${ticket.id}`);
    },
  },
  {
    name: 'A tells B when a customer is deleted: a customer.deleted trigger for a specific user; B gets the message and reads it',
    async run({ page, newPage, artifactsDir }) {
      const a = uniqueUser('owner');
      const b = uniqueUser('watcher');
      const pageB = await newPage();
      await signUpViaUi(pageB, b);
      await signUpViaUi(page, a);
      const customer = await apiAs(
        page,
        'POST',
        '/api/customers',
        { name: 'Temp Customer', email: 'temp@customer.example' },
        201,
      );

      await page.goto('/triggers');
      await main(page).getByRole('button', { name: 'Create trigger' }).first().click();
      const form = await dialogForm(page, 'New trigger');
      await form.getByLabel('Name', { exact: true }).fill('Customer gone');
      await chooseSelectOption(page, form, 'Event', 'Customer deleted');
      // No ticket: no conditions, no ticket people, no ticket placeholders.
      await expectHidden(form.getByLabel('Priority', { exact: true }));
      await form.getByLabel('Recipient', { exact: true }).click();
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      const kinds = await page.getByRole('listbox').getByRole('option').allTextContents();
      assert(
        JSON.stringify(kinds.map((k) => k.trim())) === JSON.stringify(['A specific user', 'A webhook']),
        `only a specific user or a webhook can receive it, got ${JSON.stringify(kinds)}`,
      );
      await page.keyboard.press('Escape');
      await expectHidden(page.getByRole('listbox'));
      await pickAutocomplete(page, form, 'User', b.username.slice(0, 12), b.username);
      assert(
        (await form.getByRole('button', { name: /^Insert \{\{ticket\.title\}\}/ }).count()) === 0,
        'no ticket placeholders for customer.deleted',
      );
      const message = form.getByLabel('Message', { exact: true });
      await message.fill('Goodbye ');
      await form.getByRole('button', { name: /^Insert \{\{customer\.name\}\}/ }).click();
      await message.press('End');
      await message.pressSequentially(' ({{customer.email}}), removed by {{current_user.username}}');
      await form.getByRole('button', { name: 'Create trigger' }).click();
      await expectHidden(page.getByRole('dialog'));

      const row = page.getByTestId('trigger-row').filter({ hasText: 'Customer gone' });
      await expectText(row, 'Any of your customers');
      await expectText(row, b.username);

      await row.getByRole('button', { name: 'Test' }).click();
      const dialog = page.getByRole('dialog');
      await pickAutocomplete(page, dialog, 'Customer', 'Temp', /Temp Customer/);
      await dialog.getByRole('button', { name: 'Run test' }).click();
      await expectText(dialog.getByTestId('trigger-test-verdict'), 'Fires');
      await expectText(dialog.getByTestId('trigger-test-result'), `To ${b.username}`);
      await expectText(
        dialog.getByTestId('trigger-test-message'),
        `Goodbye Temp Customer (temp@customer.example), removed by ${a.username}`,
      );
      await dialog.getByRole('button', { name: 'Close' }).click();

      // A deletes the customer; B's badge shows the message as it is written (the live stream), no reload.
      await apiAs(page, 'DELETE', `/api/customers/${customer.id}`, undefined, 204);
      const badge = nav(pageB).getByTestId('unread-badge');
      await expectText(badge, '1', 15_000);
      await nav(pageB)
        .getByRole('link', { name: /Messages/ })
        .click();
      await waitForPath(pageB, '/messages');
      const inboxRow = await waitForMessage(pageB, 'Goodbye Temp Customer');
      await expectText(inboxRow, `From ${a.username}`);
      await expectText(inboxRow, 'Customer deleted');
      assert((await inboxRow.getByRole('link').count()) === 0, 'no link to a customer that is gone');
      await screenshot(pageB, artifactsDir, 'messages-customer-deleted');

      // Clicking the message reads it.
      await inboxRow.getByTestId('message-body').click();
      await expectEventually(
        () => inboxRow.evaluate((el) => el.classList.contains('unread')),
        false,
        'the message is read',
      );
      await expectHidden(badge);

      // A deletes the trigger after confirming.
      await row.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete trigger' }).click();
      await expectVisible(main(page).getByRole('heading', { name: 'No triggers yet' }));
    },
  },
];
