// Saved views on /tickets (issue 15), at a 1366×800 desktop and on a 390 px phone, with the keyboard
// only: save the URL's filters under a name, see the view's count (and see it follow a new ticket
// through the live stream), apply the view from a clean list, delete it. axe-core checks the page.
import {
  apiAs,
  assert,
  dialogForm,
  expectAccessible,
  expectEventually,
  expectHidden,
  expectText,
  expectVisible,
  main,
  screenshot,
  signUpViaUi,
  ticketRow,
  uniqueUser,
} from './support.mjs';

const SIZES = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const viewsNav = (page) => main(page).getByRole('navigation', { name: 'Saved views' });

/** Focuses `locator` and presses `key`, as a keyboard user would after tabbing to it. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.press(key);
}

async function ticket(page, customerId, assigneeId, title) {
  return apiAs(
    page,
    'POST',
    '/api/tickets',
    { title, customerId, assigneeId, type: 'incident', priority: 'high', topic: 'technical' },
    201,
  );
}

export const savedViewsTests = SIZES.map((size) => ({
  name: `saved views: save the filters as a view, see its live count, apply it and delete it (${size.name}, keyboard)`,
  async run({ page, artifactsDir }) {
    await page.setViewportSize(size);
    await signUpViaUi(page, uniqueUser(`views${size.name}`));
    const me = (await apiAs(page, 'GET', '/api/auth/me', undefined, 200)).user;
    const c = await apiAs(page, 'POST', '/api/customers', { name: 'Grace Hopper', email: 'grace@example.com' }, 201);
    await ticket(page, c.id, me.id, 'Printer jams on floor 3');
    await ticket(page, c.id, me.id, 'Printer out of toner');
    await ticket(page, c.id, me.id, 'Laptop will not boot');

    // Filter the list by the URL, then save it under a name with the keyboard.
    await page.goto('/tickets?q=printer&status=open');
    await expectVisible(ticketRow(page, 'Printer jams on floor 3'));
    await expectHidden(ticketRow(page, 'Laptop will not boot'));
    await press(viewsNav(page).getByRole('button', { name: 'Save view' }));
    const form = await dialogForm(page, 'Save view');
    await form.getByLabel('Name').fill(`Printers ${size.name}`);
    await form.getByLabel('Name').press('Enter');
    await expectHidden(page.getByRole('dialog'));
    await expectText(page.locator('simple-snack-bar'), `View "Printers ${size.name}" saved`);

    // The view is listed with its count read out, and applied (`?view=` in the URL).
    const link = viewsNav(page).getByRole('link', { name: `Printers ${size.name}, 2 tickets` });
    await expectVisible(link);
    const saved = (await apiAs(page, 'GET', '/api/views', undefined, 200)).items[0];
    assert(saved.name === `Printers ${size.name}`, `the view is saved on the server, got ${saved?.name}`);
    assert(saved.filters.q === 'printer' && saved.filters.status === 'open', 'the view keeps the URL filters');
    await expectEventually(() => new URL(page.url()).searchParams.get('view'), saved.id, 'the view in the URL');
    await expectEventually(() => link.getAttribute('aria-current'), 'true', 'the applied view is marked current');

    // A new matching ticket (another tab, say) shows in the count through the live stream.
    await ticket(page, c.id, me.id, 'Printer makes a noise');
    await expectVisible(viewsNav(page).getByRole('link', { name: `Printers ${size.name}, 3 tickets` }));

    // On a phone the views are a row: they take little height and nothing is wider than the screen.
    const navBox = await viewsNav(page).boundingBox();
    assert(navBox && navBox.height < size.height / 3, `the saved views take ${navBox?.height}px of ${size.height}px`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= size.width, `the page fits ${size.width}px, but is ${width}px wide`);
    await expectAccessible(page, `/tickets with a saved view (${size.name})`);
    await screenshot(page, artifactsDir, `saved-views-${size.name}`);

    // From the whole list, the view applies its filters.
    await page.goto('/tickets');
    await expectVisible(ticketRow(page, 'Laptop will not boot'));
    const applied = viewsNav(page).getByRole('link', { name: `Printers ${size.name}, 3 tickets` });
    await expectEventually(() => applied.getAttribute('aria-current'), null, 'no view is applied on /tickets');
    await press(applied);
    await expectEventually(
      () => new URL(page.url()).searchParams.get('q'),
      'printer',
      'the view puts its search in the URL',
    );
    await expectHidden(ticketRow(page, 'Laptop will not boot'));
    await expectVisible(ticketRow(page, 'Printer makes a noise'));
    await expectEventually(() => applied.getAttribute('aria-current'), 'true', 'the clicked view is applied');

    // Delete it: the confirmation first, then it is gone here and on the server.
    await press(viewsNav(page).getByRole('button', { name: `Delete Printers ${size.name}` }));
    const confirm = page.getByRole('alertdialog');
    await expectVisible(confirm);
    await press(confirm.getByRole('button', { name: 'Delete view' }));
    await expectHidden(confirm);
    await expectHidden(viewsNav(page).getByRole('link', { name: new RegExp(`^Printers ${size.name}`) }));
    await expectText(page.locator('simple-snack-bar'), `View "Printers ${size.name}" deleted`);
    await expectEventually(() => new URL(page.url()).searchParams.get('view'), null, 'the deleted view leaves the URL');
    const left = (await apiAs(page, 'GET', '/api/views', undefined, 200)).items;
    assert(left.length === 0, `the view is deleted on the server, ${left.length} left`);
  },
}));
