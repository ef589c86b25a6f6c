// Small waiting/assertion helpers on top of playwright-core (which has no `expect`).
// Everything waits on the page's state with a timeout; nothing sleeps for a fixed time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const DEFAULT_TIMEOUT = 10_000;

/** Waits until the page is at `pathname` (query string ignored). */
export async function waitForPath(page, pathname, timeout = DEFAULT_TIMEOUT) {
  await page.waitForURL((url) => url.pathname === pathname, { timeout });
}

/** Waits until `locator` is visible and its text contains `text`. */
export async function expectText(locator, text, timeout = DEFAULT_TIMEOUT) {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

export async function expectVisible(locator, timeout = DEFAULT_TIMEOUT) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function expectHidden(locator, timeout = DEFAULT_TIMEOUT) {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** Polls `read()` until it returns `expected` (compared with ===). */
export async function expectEventually(read, expected, what, timeout = DEFAULT_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = await read();
    if (actual === expected) return;
    if (Date.now() > deadline) {
      throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
    // Yield to the page between reads; this is a poll interval, not a fixed wait for an outcome.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The form of a dialog that has just opened, once the dialog has taken the focus. Material moves
 * the focus in when its open animation ends; text typed before that can land in the field the
 * focus then jumps to.
 */
export async function dialogForm(page, name, timeout = DEFAULT_TIMEOUT) {
  const form = page.getByRole('dialog').getByRole('form', { name });
  await form.waitFor({ state: 'visible', timeout });
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('[role="dialog"]')), undefined, { timeout });
  return form;
}

export async function expectValue(locator, expected, what) {
  await expectEventually(() => locator.inputValue(), expected, what);
}

/**
 * Types into a field until the field holds the text (a form that is still initialising may reset a
 * value typed into it), bounded by a deadline.
 */
export async function fillSettled(locator, text, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await locator.fill(text);
    await locator.dispatchEvent('input');
    await locator.page().waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
    if ((await locator.inputValue()) === text) return;
    if (Date.now() > deadline) throw new Error(`the field did not keep the text "${text}"`);
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and fails on any violation,
 * naming each rule and the elements it found. The script is evaluated through the DevTools
 * protocol, which the app's Content-Security-Policy does not block.
 */
export async function expectAccessible(page, what) {
  // Colours are judged once the finite animations (a hint fading in, a dialog opening) are done.
  // (At most 5 s: a paused one would never finish.)
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ]),
  );
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert(violations.length === 0, `${what} has accessibility violations:\n  ${violations.join('\n  ')}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A full-page artifact; a long page (the Swagger console with its operations open) renders slowly on loaded cores. */
export async function screenshot(page, artifactsDir, name) {
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 30_000 });
  console.log(`    screenshot: ${path.relative(process.cwd(), file)}`);
  return file;
}

/** A fresh identity per run, valid for the contract (username 3..30 of [A-Za-z0-9_.-]). */
export function uniqueUser(prefix = 'e2e') {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    email: `${prefix}.${suffix}@example.com`,
    username: `${prefix}_${suffix}`.slice(0, 30),
    password: `pw-${suffix}-Secret!`,
  };
}

/** Signs up through the UI and waits for the tickets page. */
export async function signUpViaUi(page, user) {
  await page.goto('/signup');
  const form = page.getByRole('form', { name: 'Sign up' });
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Username').fill(user.username);
  await form.getByLabel('Password').fill(user.password);
  await form.getByRole('button', { name: 'Sign up' }).click();
  await waitForPath(page, '/tickets');
  await expectText(page.getByTestId('nav-username'), user.username);
}

/**
 * Calls the API as the page's signed-in user (same cookie jar), echoing the XSRF cookie as the
 * API requires for state-changing requests. Returns the parsed JSON body (or null) and asserts the status.
 */
export async function apiAs(page, method, url, data, expectedStatus) {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value;
  const res = await page.request.fetch(url, {
    method,
    ...(data !== undefined ? { data } : {}),
    headers: xsrf ? { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) } : {},
  });
  const text = await res.text();
  if (expectedStatus !== undefined) {
    assert(
      res.status() === expectedStatus,
      `${method} ${url} answered ${res.status()}, expected ${expectedStatus}: ${text}`,
    );
  }
  return text ? JSON.parse(text) : null;
}

/** Picks `option` in the Material select labelled `label` inside `scope`. */
export async function chooseSelectOption(page, scope, label, option) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
  await expectHidden(page.getByRole('listbox'));
}

/** Types into an autocomplete picker and picks the option whose text matches `option`. */
export async function pickAutocomplete(page, scope, label, text, option) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(text);
  const choice = page.getByRole('listbox').getByRole('option', { name: option });
  await choice.first().waitFor({ state: 'visible' });
  await choice.first().click();
  await expectHidden(page.getByRole('listbox'));
}

/** The page's main region. */
export const main = (page) => page.getByRole('main');

/** A ticket list row, found by its title link's exact name. */
export const ticketRow = (page, title) =>
  page.getByTestId('ticket-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
