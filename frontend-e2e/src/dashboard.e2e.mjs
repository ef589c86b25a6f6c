// The dashboard (issue 16), at a 1366×800 desktop and on a 390 px phone: the charts, the table
// alternative with the same figures as GET /api/stats for the browser's time zone, the range
// picker, and no accessibility violations in either view.
import {
  apiAs,
  assert,
  expectAccessible,
  expectText,
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

/** The `days` dates ending today in `timeZone`, as the page asks for them. */
function rangeOf(days, timeZone) {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const end = Date.parse(`${today}T00:00:00Z`);
  return { from: new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10), to: today };
}

/** The rows of the table named `name`, each as its cells' texts. */
async function tableRows(page, name) {
  return page
    .getByRole('table', { name })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

async function expectTableMatchesApi(page, days) {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const { from, to } = rangeOf(days, timeZone);
  const stats = await apiAs(
    page,
    'GET',
    `/api/stats?from=${from}&to=${to}&tz=${encodeURIComponent(timeZone)}`,
    undefined,
    200,
  );
  const perDay = await tableRows(page, 'Opened and closed per day');
  const expected = stats.days.map((d) => [d.date, String(d.opened), String(d.closed)]);
  assert(
    JSON.stringify(perDay) === JSON.stringify(expected),
    `per-day table ${JSON.stringify(perDay)} is not the API's ${JSON.stringify(expected)}`,
  );
  const byPriority = await tableRows(page, 'Open tickets by priority');
  const open = ['urgent', 'high', 'normal', 'low'].map((p) => [p, String(stats.open[p])]);
  assert(
    JSON.stringify(byPriority) === JSON.stringify(open),
    `priority table ${JSON.stringify(byPriority)} is not ${JSON.stringify(open)}`,
  );
  const total = stats.open.urgent + stats.open.high + stats.open.normal + stats.open.low;
  await expectText(page.getByTestId('open-total'), String(total));
  await expectText(page.getByTestId('overdue'), String(stats.overdue));
  return stats;
}

export const dashboardTests = SIZES.map((size) => ({
  name: `the dashboard charts the caller's tickets and shows the same figures as a table (${size.name})`,
  async run({ page }) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const user = uniqueUser('dash');
    await signUpViaUi(page, user);
    const me = (await apiAs(page, 'GET', '/api/auth/me', undefined, 200)).user;
    const customer = await apiAs(
      page,
      'POST',
      '/api/customers',
      { name: 'Ada Lovelace', email: 'ada@example.com' },
      201,
    );
    const make = (priority) =>
      apiAs(
        page,
        'POST',
        '/api/tickets',
        {
          title: `Dashboard ${priority}`,
          customerId: customer.id,
          assigneeId: me.id,
          type: 'task',
          priority,
          topic: 'general',
        },
        201,
      );
    const tickets = [];
    for (const p of ['urgent', 'urgent', 'high', 'low', 'normal']) tickets.push(await make(p));
    await apiAs(page, 'POST', `/api/tickets/${tickets[4].id}/close`, undefined, 200);

    if (size.name === 'desktop') {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await waitForPath(page, '/dashboard');
    } else await page.goto('/dashboard');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Dashboard' }));
    await expectText(page.getByTestId('open-total'), '4');
    await expectText(page.getByTestId('median'), 'min');
    const perDayChart = main(page).getByRole('img', { name: /Opened and closed per day/ });
    await expectVisible(perDayChart);
    assert(
      (await perDayChart.getAttribute('aria-label')).includes('5 opened, 1 closed'),
      'the chart names its figures',
    );
    await expectVisible(
      main(page).getByRole('img', { name: 'Open tickets by priority: 2 urgent, 1 high, 0 normal, 1 low.' }),
    );
    await expectAccessible(page, `the dashboard's charts (${size.name})`);

    await page.getByRole('button', { name: 'Show as table' }).click();
    const stats = await expectTableMatchesApi(page, 30);
    assert(
      stats.days.length === 30 && stats.days.at(-1).opened === 5,
      `today has the 5 new tickets: ${JSON.stringify(stats.days.at(-1))}`,
    );
    await expectAccessible(page, `the dashboard's tables (${size.name})`);

    await page.locator('mat-button-toggle-group[aria-label="Range"]').getByRole('radio', { name: '7 days' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="day-row"]').length === 7);
    await expectTableMatchesApi(page, 7);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= size.width, `the dashboard fits ${size.width}px, but is ${width}px wide`);
  },
}));
