// The dark theme follows the system setting (issue 15): with `prefers-color-scheme: dark` every
// main page is drawn dark and still passes axe-core (contrast included), desktop and phone.
import {
  apiAs,
  assert,
  expectAccessible,
  expectText,
  expectVisible,
  main,
  signUpViaUi,
  uniqueUser,
} from './support.mjs';

const SIZES = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

/** The relative luminance of the page's background (0 black … 1 white). */
const backgroundLuminance = (page) =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body)
      .backgroundColor.match(/[\d.]+/g)
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });

async function check(page, path, ready, what) {
  await page.goto(path);
  await ready();
  const luminance = await backgroundLuminance(page);
  assert(luminance < 0.05, `${what}: the background should be dark, its luminance is ${luminance.toFixed(3)}`);
  await expectAccessible(page, `${what} in dark mode`);
}

export const darkModeTests = [
  {
    name: 'dark mode follows the system and every main page passes axe in it (desktop, phone)',
    async run({ page }) {
      await page.emulateMedia({ colorScheme: 'dark' });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await check(
          page,
          '/',
          () => expectVisible(page.getByRole('heading', { level: 1 })),
          `the landing page (${size.name})`,
        );
        await check(
          page,
          '/login',
          () => expectVisible(page.getByRole('form', { name: 'Log in' })),
          `/login (${size.name})`,
        );
      }

      await signUpViaUi(page, uniqueUser('dark'));
      const { user } = await apiAs(page, 'GET', '/api/auth/me', undefined, 200);
      const customer = await apiAs(
        page,
        'POST',
        '/api/customers',
        { name: 'Grace Hopper', email: 'grace@example.com' },
        201,
      );
      const ticket = await apiAs(
        page,
        'POST',
        '/api/tickets',
        {
          title: 'Screen too bright at night',
          customerId: customer.id,
          assigneeId: user.id,
          type: 'problem',
          priority: 'high',
          topic: 'technical',
        },
        201,
      );
      await apiAs(page, 'POST', `/api/tickets/${ticket.id}/comments`, { body: 'Tried the night mode already.' }, 201);
      await apiAs(page, 'PATCH', `/api/tickets/${ticket.id}`, { status: 'pending', version: ticket.version }, 200);

      for (const size of SIZES) {
        await page.setViewportSize(size);
        const pages = [
          ['/tickets', () => expectText(main(page), 'Screen too bright at night')],
          [`/ticket/${ticket.id}`, () => expectText(page.getByTestId('comment'), 'Tried the night mode already.')],
          ['/new-ticket', () => expectVisible(page.getByRole('form', { name: 'New ticket' }))],
          ['/customers', () => expectText(main(page), 'Grace Hopper')],
          [`/customer/${customer.id}`, () => expectText(main(page), 'Grace Hopper')],
          ['/macros', () => expectVisible(page.getByRole('heading', { level: 1 }))],
          ['/triggers', () => expectVisible(page.getByRole('heading', { level: 1 }))],
          ['/messages', () => expectVisible(page.getByRole('heading', { level: 1 }))],
          ['/settings/tokens', () => expectVisible(page.getByRole('heading', { level: 1 }))],
        ];
        for (const [path, ready] of pages) await check(page, path, ready, `${path} (${size.name})`);

        await page.keyboard.press('?');
        await expectVisible(page.getByRole('dialog', { name: 'Keyboard shortcuts' }));
        await expectAccessible(page, `the shortcuts overlay in dark mode (${size.name})`);
        await page.keyboard.press('Escape');
      }
    },
  },
];
