// API tokens through the UI: create one (the secret is shown once and copies), use it from a
// script, see its last use, revoke it, and the script is refused.
import {
  assert,
  expectAccessible,
  expectHidden,
  expectText,
  expectVisible,
  screenshot,
  signUpViaUi,
  uniqueUser,
  waitForPath,
} from './support.mjs';

/** Presses Tab (at most `max` times) until `locator` has the focus: the keyboard's way there. */
async function tabTo(page, locator, what, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${max} presses of Tab never reached ${what}`);
}

export const apiTokensTests = [
  {
    name: 'a user creates an API token, copies its secret, sees it used, and revokes it',
    async run({ page, context, baseURL, artifactsDir }) {
      const user = uniqueUser('tokens');
      await signUpViaUi(page, user);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

      // The username in the bar leads to the tokens page.
      await page.getByTestId('nav-username').click();
      await waitForPath(page, '/settings/tokens');
      await expectVisible(page.getByRole('heading', { level: 1, name: 'API tokens' }));
      await expectText(page.getByRole('main'), 'No API tokens');

      const form = page.getByRole('form', { name: 'Create an API token' });
      await form.getByRole('button', { name: 'Create token' }).click();
      await expectText(form, 'Give the token a name');
      await form.getByLabel('Token name').fill('nightly report');
      await form.getByRole('button', { name: 'Create token' }).click();

      const secretBox = page.getByTestId('new-token');
      await expectText(secretBox, 'shown only this once');
      const secret = (await page.getByTestId('token-secret').textContent())?.trim() ?? '';
      assert(secret.length >= 32, `the secret looks too short: "${secret}"`);
      await secretBox.getByRole('button', { name: 'Copy' }).click();
      await expectText(page.locator('mat-snack-bar-container'), 'Token copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert(copied === secret, 'the clipboard holds the secret');
      await screenshot(page, artifactsDir, 'api-tokens-created');

      const row = page.getByTestId('token-row').filter({ hasText: 'nightly report' });
      await expectText(row, 'never used');

      // A script uses the token; after a reload the secret is gone and the row shows its use.
      const asScript = await fetch(`${baseURL}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert(asScript.status === 200, `the token was refused: ${asScript.status}`);
      await page.reload();
      await expectVisible(page.getByTestId('token-row').first());
      await expectHidden(page.getByTestId('new-token'));
      await expectText(page.getByTestId('token-row').filter({ hasText: 'nightly report' }), 'last used');

      await page.getByRole('button', { name: 'Revoke nightly report' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke token' }).click();
      await expectText(page.locator('mat-snack-bar-container'), 'Revoked');
      await expectText(page.getByRole('main'), 'No API tokens');
      const afterRevoke = await fetch(`${baseURL}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert(afterRevoke.status === 401, `a revoked token answered ${afterRevoke.status}`);
    },
  },
  {
    name: 'on a 390 px phone, with the keyboard only, a user creates, copies and revokes an API token',
    async run({ page, context, baseURL, artifactsDir }) {
      const user = uniqueUser('tokenkeys');
      await signUpViaUi(page, user);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/settings/tokens');
      await expectVisible(page.getByRole('heading', { level: 1, name: 'API tokens' }));

      const form = page.getByRole('form', { name: 'Create an API token' });
      await tabTo(page, form.getByLabel('Token name'), 'the token name field');
      await page.keyboard.type('phone script');
      await page.keyboard.press('Enter');
      const secretBox = page.getByTestId('new-token');
      await expectText(secretBox, 'shown only this once');
      const secret = (await page.getByTestId('token-secret').textContent())?.trim() ?? '';
      // The emptied name field is ready for the next token, not an error.
      await expectHidden(form.getByText('Give the token a name'));
      await tabTo(page, secretBox.getByRole('button', { name: 'Copy' }), 'the Copy button');
      await page.keyboard.press('Enter');
      await expectText(page.locator('mat-snack-bar-container'), 'Token copied');
      assert((await page.evaluate(() => navigator.clipboard.readText())) === secret, 'the clipboard holds the secret');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 390, `the tokens page fits the phone's width, but is ${width}px wide`);
      await expectAccessible(page, 'the API tokens page at 390 px with a new token');
      await screenshot(page, artifactsDir, 'api-tokens-phone');

      await tabTo(page, page.getByRole('button', { name: 'Revoke phone script' }), 'the Revoke button');
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('alertdialog');
      await expectVisible(confirm);
      await tabTo(page, confirm.getByRole('button', { name: 'Revoke token' }), "the dialog's Revoke token button", 6);
      await page.keyboard.press('Enter');
      await expectText(page.locator('mat-snack-bar-container'), 'Revoked');
      await expectText(page.getByRole('main'), 'No API tokens');
      const afterRevoke = await fetch(`${baseURL}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert(afterRevoke.status === 401, `a revoked token answered ${afterRevoke.status}`);
    },
  },
];
