// Customers through the UI: create (with a server-side field error), edit, search, private lists.
import {
  apiAs,
  assert,
  dialogForm,
  expectHidden,
  expectText,
  expectVisible,
  main,
  screenshot,
  signUpViaUi,
  uniqueUser,
  waitForPath,
} from './support.mjs';

export const customersTests = [
  {
    name: 'a user creates a customer (server field errors shown next to the field), edits and finds it',
    async run({ page, artifactsDir }) {
      const user = uniqueUser('cust');
      await signUpViaUi(page, user);

      await page.getByRole('banner').getByRole('link', { name: 'Customers' }).click();
      await waitForPath(page, '/customers');
      await expectVisible(main(page).getByRole('heading', { name: 'No customers yet' }));

      await main(page).getByRole('button', { name: 'Create customer' }).first().click();
      const dialog = page.getByRole('dialog');
      const form = await dialogForm(page, 'New customer');
      await form.getByLabel('Name').fill('Ada Lovelace');
      // "ada@engine" passes the browser's email check but not the server's: its message lands under Email.
      await form.getByLabel('Email').fill('ada@engine');
      const answer = page.waitForResponse(
        (res) => res.url().endsWith('/api/customers') && res.request().method() === 'POST',
      );
      await form.getByRole('button', { name: 'Create customer' }).click();
      assert((await answer).status() === 400, `an invalid email should answer 400, got ${(await answer).status()}`);
      await expectText(dialog.getByTestId('email-field').locator('mat-error'), /email/i);
      await screenshot(page, artifactsDir, 'customer-dialog-field-error');

      await form.getByLabel('Email').fill('ada@analytical.example');
      await form.getByLabel('Company').fill('Analytical Engines');
      await form.getByRole('button', { name: 'Create customer' }).click();
      await expectHidden(dialog);
      const row = page.getByTestId('customer-row').filter({ hasText: 'Ada Lovelace' });
      await expectText(row, 'ada@analytical.example');

      // Edit from the customer's page.
      await row.getByRole('link', { name: 'Ada Lovelace' }).click();
      await page.waitForURL(/\/customer\/[0-9a-f-]+$/);
      await expectText(page.getByTestId('customer-name'), 'Ada Lovelace');
      await main(page).getByRole('button', { name: 'Edit' }).click();
      const editForm = await dialogForm(page, 'Edit customer');
      await editForm.getByLabel('Name').fill('Ada King');
      await editForm.getByLabel('Phone').fill('+44 20 7946 0000');
      await editForm.getByRole('button', { name: 'Save changes' }).click();
      await expectHidden(page.getByRole('dialog'));
      await expectText(page.getByTestId('customer-name'), 'Ada King');
      await expectVisible(main(page).getByText('+44 20 7946 0000'));
      await expectVisible(main(page).getByRole('heading', { name: 'Your tickets for this customer' }));
      await screenshot(page, artifactsDir, 'customer');

      // Search narrows the list; the list is reachable as /users/:id/customers for oneself only.
      await apiAs(page, 'POST', '/api/customers', { name: 'Charles Babbage', email: 'charles@example.com' }, 201);
      await page.goto('/customers');
      await expectVisible(page.getByTestId('customer-row').filter({ hasText: 'Charles Babbage' }));
      await main(page).getByLabel('Search customers').fill('king');
      await expectHidden(page.getByTestId('customer-row').filter({ hasText: 'Charles Babbage' }));
      await expectVisible(page.getByTestId('customer-row').filter({ hasText: 'Ada King' }));
      assert(
        new URL(page.url()).searchParams.get('q') === 'king',
        `the search should be in the URL, got ${page.url()}`,
      );
      await screenshot(page, artifactsDir, 'customers-search');

      const me = await apiAs(page, 'GET', '/api/auth/me', undefined, 200);
      await page.goto(`/users/${me.user.id}/customers`);
      await expectVisible(main(page).getByRole('heading', { name: 'Your customers' }));
      await expectVisible(page.getByTestId('customer-row').filter({ hasText: 'Charles Babbage' }));

      const other = await apiAs(page, 'GET', '/api/users?limit=1', undefined, 200);
      assert(other.items.length > 0, 'expected at least one other user');
      await page.goto(`/users/${other.items[0].id}/customers`);
      await expectVisible(main(page).getByRole('heading', { name: 'Customers not found' }));
      await screenshot(page, artifactsDir, 'customers-not-found');
    },
  },
];
