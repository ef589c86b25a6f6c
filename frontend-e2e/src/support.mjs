// Small waiting/assertion helpers on top of playwright-core (which has no `expect`).
// Everything waits on the page's state with a timeout; nothing sleeps for a fixed time.
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

export async function expectValue(locator, expected, what) {
  await expectEventually(() => locator.inputValue(), expected, what);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function screenshot(page, artifactsDir, name) {
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
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
