// Webhooks through the UI: create one (the signing secret is shown once and copies), send a test
// and redeliver it from the delivery log, edit and delete it, and choose it as a trigger's
// recipient. The URL is a public address, so nothing here depends on reaching it.
import {
  apiAs,
  assert,
  chooseSelectOption,
  dialogForm,
  expectAccessible,
  expectHidden,
  expectText,
  expectVisible,
  main,
  screenshot,
  signUpViaUi,
  uniqueUser,
  waitForPath,
} from './support.mjs';

const URL = 'https://93.184.215.14/hooks/helpdesk';

/** Presses Tab (at most `max` times) until `locator` has the focus: the keyboard's way there. */
async function tabTo(page, locator, what, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${max} presses of Tab never reached ${what}`);
}

export const webhooksTests = [
  {
    name: 'a user creates a webhook, copies its secret once, sends a test, redelivers it, and a trigger sends to it',
    async run({ page, context, baseURL, artifactsDir }) {
      await signUpViaUi(page, uniqueUser('hooks'));
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
      await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).first().click();
      await waitForPath(page, '/webhooks');
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Webhooks' }));
      await expectText(main(page), 'No webhooks');

      const form = page.getByRole('form', { name: 'Create a webhook' });
      await form.getByLabel('Name', { exact: true }).fill('Team chat');
      await form.getByLabel('URL', { exact: true }).fill('https://127.0.0.1/hooks');
      await form.getByRole('button', { name: 'Create webhook' }).click();
      // The server refuses a loopback target and says so on the URL field.
      await expectText(form, 'loopback');
      await form.getByLabel('URL', { exact: true }).fill(URL);
      await form.getByRole('button', { name: 'Create webhook' }).click();

      const secretBox = page.getByTestId('new-webhook');
      await expectText(secretBox, "You won't see this secret again");
      const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
      assert(/^whsec_[A-Za-z0-9+/]+=*$/.test(secret), `the secret looks wrong: "${secret}"`);
      await secretBox.getByRole('button', { name: 'Copy secret' }).click();
      await expectText(page.locator('mat-snack-bar-container'), 'Secret copied');
      assert((await page.evaluate(() => navigator.clipboard.readText())) === secret, 'the clipboard holds the secret');
      await screenshot(page, artifactsDir, 'webhook-created');

      const row = page.getByTestId('webhook-row').filter({ hasText: 'Team chat' });
      await expectText(row, 'Active');
      await row.getByRole('button', { name: 'Send test' }).click();
      await expectText(page.locator('mat-snack-bar-container'), 'Test delivery queued');
      const delivery = row.getByTestId('delivery-row').first();
      await expectText(delivery, 'webhook.test');
      await delivery.getByRole('button', { name: /^Redeliver/ }).click();
      await expectText(page.locator('mat-snack-bar-container'), 'Redelivery queued');
      await expectAccessible(page, 'the webhooks page with a delivery log');
      await screenshot(page, artifactsDir, 'webhook-deliveries');

      // After a reload the secret is gone for good.
      await page.reload();
      await expectVisible(page.getByTestId('webhook-row').first());
      await expectHidden(page.getByTestId('new-webhook'));
      assert(!(await main(page).textContent()).includes(secret), 'the secret is not shown again');

      await page.getByRole('button', { name: 'Edit Team chat' }).click();
      const edit = page.getByRole('form', { name: 'Edit Team chat' });
      await edit.getByLabel('Name', { exact: true }).fill('Team chat room');
      await edit.getByRole('button', { name: 'Save' }).click();
      await expectText(page.locator('mat-snack-bar-container'), 'Saved “Team chat room”');

      // A trigger sends to the webhook.
      await page.goto('/triggers');
      await main(page).getByRole('button', { name: 'Create trigger' }).first().click();
      const triggerForm = await dialogForm(page, 'New trigger');
      await triggerForm.getByLabel('Name', { exact: true }).fill('Closes to the chat');
      await chooseSelectOption(page, triggerForm, 'Recipient', 'A webhook');
      await chooseSelectOption(page, triggerForm, 'Webhook', 'Team chat room');
      await triggerForm.getByLabel('Message', { exact: true }).fill('Closed {{ticket.title}}');
      await triggerForm.getByRole('button', { name: 'Create trigger' }).click();
      await expectHidden(page.getByRole('dialog'));
      await expectText(page.getByTestId('trigger-row').filter({ hasText: 'Closes to the chat' }), 'A webhook');
      const [trigger] = (await apiAs(page, 'GET', '/api/triggers', undefined, 200)).items;
      const [webhook] = (await apiAs(page, 'GET', '/api/webhooks', undefined, 200)).items;
      assert(
        trigger.recipient.kind === 'webhook' && trigger.recipient.webhookId === webhook.id,
        `the trigger sends to the webhook: ${JSON.stringify(trigger.recipient)}`,
      );

      await page.goto('/webhooks');
      await page.getByRole('button', { name: 'Delete Team chat room' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete webhook' }).click();
      await expectText(page.locator('mat-snack-bar-container'), 'Deleted');
      await expectText(main(page), 'No webhooks');
    },
  },
  {
    name: 'on a 390 px phone, with the keyboard only, a user creates a webhook, copies its secret and opens its deliveries',
    async run({ page, context, baseURL, artifactsDir }) {
      await signUpViaUi(page, uniqueUser('hookkeys'));
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/webhooks');
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Webhooks' }));

      const form = page.getByRole('form', { name: 'Create a webhook' });
      await tabTo(page, form.getByLabel('Name', { exact: true }), 'the name field');
      await page.keyboard.type('Pager');
      await page.keyboard.press('Tab');
      await page.keyboard.type(URL);
      await page.keyboard.press('Enter');
      const secretBox = page.getByTestId('new-webhook');
      await expectText(secretBox, "You won't see this secret again");
      const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
      await tabTo(page, secretBox.getByRole('button', { name: 'Copy secret' }), 'the Copy secret button');
      await page.keyboard.press('Enter');
      await expectText(page.locator('mat-snack-bar-container'), 'Secret copied');
      assert((await page.evaluate(() => navigator.clipboard.readText())) === secret, 'the clipboard holds the secret');

      const row = page.getByTestId('webhook-row').filter({ hasText: 'Pager' });
      await tabTo(page, row.getByRole('button', { name: 'Send test' }), 'the Send test button');
      await page.keyboard.press('Enter');
      await expectText(row.getByTestId('delivery-row').first(), 'webhook.test');
      const deliveries = row.getByRole('button', { name: 'Deliveries' });
      assert((await deliveries.getAttribute('aria-expanded')) === 'true', 'the delivery log is open');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 390, `the webhooks page fits the phone's width, but is ${width}px wide`);
      await expectAccessible(page, 'the webhooks page at 390 px with a new webhook and its deliveries');
      await screenshot(page, artifactsDir, 'webhooks-phone');

      await tabTo(page, deliveries, 'the Deliveries button');
      await page.keyboard.press('Enter');
      await expectHidden(row.getByTestId('delivery-row'));
    },
  },
];
