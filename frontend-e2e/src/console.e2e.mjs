// The Swagger console at /api/docs, driven as an outsider meets it: "Try it out" on the demo
// login, then writes through the console (it must send the CSRF header itself), a reload, and a
// Bearer token entered under "Authorize" that survives reloads and works without the cookie.
import { assert, expectEventually, expectVisible, screenshot } from './support.mjs';

const operation = (page, tag, id) => page.locator(`#operations-${tag}-${id}`);

/** Expands an operation, presses "Try it out", fills its parameters and body, executes it. */
async function execute(page, tag, id, { params = {}, body, clearBody = true } = {}) {
  const block = operation(page, tag, id);
  await block.scrollIntoViewIfNeeded();
  if (!(await block.locator('.opblock-body').isVisible())) await block.locator('.opblock-summary-control').click();
  const tryOut = block.getByRole('button', { name: 'Try it out' });
  if ((await tryOut.count()) > 0) await tryOut.click();
  // "Reset" brings back the example body after an earlier run changed it.
  const reset = block.getByRole('button', { name: 'Reset' });
  if (body === undefined && !clearBody && (await reset.count()) > 0) await reset.click();
  for (const [name, value] of Object.entries(params))
    await block.locator(`tr[data-param-name="${name}"] input`).fill(value);
  const textarea = block.locator('textarea.body-param__text');
  if (body !== undefined) await textarea.fill(JSON.stringify(body));
  else if (!clearBody)
    await expectEventually(
      async () => (await textarea.inputValue()).trim().startsWith('{'),
      true,
      `${id}: the console pre-fills a body`,
    );
  // The previous answer of this operation, if any, must not be mistaken for this one.
  const clear = block.locator('button.btn-clear');
  if (await clear.isVisible()) await clear.click();
  await block.locator('button.execute').click();
  const status = block.locator('.live-responses-table tbody .response-col_status').first();
  await expectEventually(
    async () => /^\d{3}/.test(((await status.textContent().catch(() => '')) ?? '').trim()),
    true,
    `${id}: the console shows the answer's status`,
  );
  const code = Number(((await status.textContent()) ?? '').trim().slice(0, 3));
  const text = await block
    .locator('.live-responses-table .response-col_description .highlight-code pre')
    .first()
    .textContent()
    .catch(() => '');
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: code, body: json, text };
}

async function expectStatus(page, tag, id, expected, options) {
  const result = await execute(page, tag, id, options);
  assert(
    result.status === expected,
    `${id} answered ${result.status} in the console, expected ${expected}: ${result.text}`,
  );
  return result.body;
}

async function openConsole(page) {
  await page.goto('/api/docs');
  await expectVisible(operation(page, 'auth', 'demoLogin'));
}

/** Presses Tab (at most `max` times) until `locator` has the focus. */
async function tabTo(page, locator, what, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${max} presses of Tab never reached ${what}`);
}

export const consoleTests = [
  {
    name: 'the Swagger console logs in as the demo user, writes, stays authorized after a reload, then works with a Bearer token',
    async run({ page, artifactsDir }) {
      await openConsole(page);
      // Public operations show no lock; authenticated ones do.
      assert(
        (await operation(page, 'auth', 'demoLogin').locator('.authorization__btn').count()) === 0,
        'demo login shows a lock',
      );
      assert(
        (await operation(page, 'customers', 'createCustomer').locator('.authorization__btn').count()) === 1,
        'createCustomer shows no lock',
      );

      const demo = await expectStatus(page, 'auth', 'demoLogin', 200);
      const me = demo.user;
      const customer = await expectStatus(page, 'customers', 'createCustomer', 201, {
        body: { name: 'Console Customer', email: 'console.customer@example.com' },
      });
      const ticket = await expectStatus(page, 'tickets', 'createTicket', 201, {
        body: {
          title: 'Filed from the console',
          customerId: customer.id,
          assigneeId: me.id,
          type: 'question',
          priority: 'normal',
          topic: 'general',
        },
      });
      // The bodies the console pre-fills from the document's examples work as they stand.
      const prefilledTicket = await expectStatus(page, 'tickets', 'createTicket', 201, { clearBody: false });
      assert(prefilledTicket.customer.name === 'Grace Hopper', 'the pre-filled ticket is for the demo customer');
      for (const [tag, id] of [
        ['customers', 'createCustomer'],
        ['macros', 'createMacro'],
        ['triggers', 'createTrigger'],
      ]) {
        await expectStatus(page, tag, id, 201, { clearBody: false });
      }
      await expectStatus(page, 'tickets', 'createTicketComment', 201, { params: { id: ticket.id }, clearBody: false });
      const closed = await expectStatus(page, 'tickets', 'closeTicket', 200, { params: { id: ticket.id } });
      assert(closed.status === 'closed', `the closed ticket is ${closed.status}`);
      await screenshot(page, artifactsDir, 'console-session');

      // A reload keeps the session (its cookie) and the console still writes.
      await openConsole(page);
      await expectStatus(page, 'tickets', 'reopenTicket', 200, { params: { id: ticket.id } });

      // An API token, minted from the session in the console, entered under "Authorize".
      const token = await expectStatus(page, 'auth', 'createApiToken', 201, { body: { name: 'console' } });
      await page.locator('.scheme-container button.authorize').click();
      const modal = page.locator('.modal-ux');
      await modal.locator('input#auth-bearer-value').fill(token.token);
      await modal.locator('button.modal-btn.auth.authorize').click();
      await modal.locator('button.btn-done').click();

      // Without the session cookie, and after a reload, the token is still there and authorizes writes.
      await page.context().clearCookies();
      await openConsole(page);
      await expectEventually(
        async () =>
          /\blocked\b/.test((await page.locator('.scheme-container button.authorize').getAttribute('class')) ?? ''),
        true,
        'the Authorize button shows the kept token',
      );
      const byToken = await expectStatus(page, 'customers', 'createCustomer', 201, {
        body: { name: 'Token Customer', email: 'token.customer@example.com' },
      });
      assert(typeof byToken.id === 'string', 'the customer made with the token has an id');
      const closedByToken = await expectStatus(page, 'tickets', 'closeTicket', 200, { params: { id: ticket.id } });
      assert(closedByToken.status === 'closed', 'the token closed the ticket');
      await screenshot(page, artifactsDir, 'console-token');
    },
  },
  {
    name: 'on a 390 px phone, with the keyboard only, the console logs in as the demo user and lists its tickets',
    async run({ page, artifactsDir }) {
      await page.setViewportSize({ width: 390, height: 844 });
      await openConsole(page);
      async function run(tag, id) {
        const block = operation(page, tag, id);
        await tabTo(page, block.locator('.opblock-summary-control'), `${id}'s summary`);
        await page.keyboard.press('Enter');
        await tabTo(page, block.getByRole('button', { name: 'Try it out' }), `${id}'s Try it out`, 40);
        await page.keyboard.press('Enter');
        await tabTo(page, block.locator('button.execute'), `${id}'s Execute`, 80);
        await page.keyboard.press('Enter');
        const status = block.locator('.live-responses-table tbody .response-col_status').first();
        await expectEventually(
          async () => ((await status.textContent().catch(() => '')) ?? '').trim().slice(0, 3),
          '200',
          `${id} answers 200 in the console`,
        );
        await page.keyboard.press('Shift+Tab'); // out of the answer, back among the operations
      }
      await run('auth', 'demoLogin');
      await run('tickets', 'listTickets');
      const listed = await operation(page, 'tickets', 'listTickets')
        .locator('.live-responses-table .response-col_description .highlight-code pre')
        .first()
        .textContent();
      assert(JSON.parse(listed ?? '{}').items?.length > 0, 'the demo user has tickets in the console');
      const { width, widest } = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        widest: [...document.querySelectorAll('body *')]
          .map((el) => ({ el, right: el.getBoundingClientRect().right }))
          .filter((e) => e.right > 390)
          .sort((x, y) => y.right - x.right)
          .slice(0, 5)
          .map((e) => `${e.el.tagName.toLowerCase()}.${[...e.el.classList].join('.')} (${Math.round(e.right)})`),
      }));
      assert(width <= 390, `the console fits the phone's width, but is ${width}px wide: ${widest.join(', ')}`);
      await screenshot(page, artifactsDir, 'console-phone');
    },
  },
];
