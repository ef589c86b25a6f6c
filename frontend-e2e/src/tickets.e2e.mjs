// Tickets through the UI, with two people in two browser contexts: A creates and assigns,
// B works the ticket from the Incoming box.
import {
  apiAs,
  assert,
  chooseSelectOption,
  dialogForm,
  expectHidden,
  expectText,
  expectVisible,
  main,
  pickAutocomplete,
  screenshot,
  signUpViaUi,
  ticketRow,
  uniqueUser,
  waitForPath,
} from './support.mjs';

const PHOTO_URL = 'https://photos.example.test/printer.png';

/** Serves PHOTO_URL from a picture drawn in the page, so the test needs no outside network. */
async function servePhoto(page) {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 270;
    const g = canvas.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 480, 270);
    sky.addColorStop(0, '#dfe9f5');
    sky.addColorStop(1, '#b7c9e2');
    g.fillStyle = sky;
    g.fillRect(0, 0, 480, 270);
    g.fillStyle = '#46556b';
    g.fillRect(120, 110, 240, 100);
    g.fillStyle = '#f4f6f9';
    g.fillRect(160, 60, 160, 60);
    g.fillRect(160, 190, 160, 50);
    g.fillStyle = '#d33';
    g.fillRect(330, 130, 12, 12);
    return canvas.toDataURL('image/png');
  });
  const body = Buffer.from(dataUrl.split(',')[1], 'base64');
  await page.context().route(PHOTO_URL, (route) => route.fulfill({ status: 200, contentType: 'image/png', body }));
}

async function openTicketFromList(page, title) {
  await ticketRow(page, title).getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(/\/ticket\/[0-9a-f-]+$/);
  await expectText(page.getByTestId('ticket-title'), title);
}

export const ticketsTests = [
  {
    name: 'A creates a customer and a ticket for B; B sees it in Incoming; A edits it; B marks it complete; the deleted customer stays on the ticket',
    async run({ page, newPage, artifactsDir }) {
      const a = uniqueUser('alice');
      const b = uniqueUser('bob');
      const pageB = await newPage();
      await signUpViaUi(page, a);
      await signUpViaUi(pageB, b);
      await servePhoto(page);
      await servePhoto(pageB);

      // A adds a customer.
      await page.getByRole('banner').getByRole('link', { name: 'Customers' }).click();
      await waitForPath(page, '/customers');
      await main(page).getByRole('button', { name: 'Create customer' }).first().click();
      const customerForm = await dialogForm(page, 'New customer');
      await customerForm.getByLabel('Name').fill('Grace Hopper');
      await customerForm.getByLabel('Email').fill('grace@navy.example');
      await customerForm.getByLabel('Company').fill('US Navy');
      await customerForm.getByRole('button', { name: 'Create customer' }).click();
      await expectHidden(page.getByRole('dialog'));
      await expectVisible(page.getByTestId('customer-row').filter({ hasText: 'Grace Hopper' }));

      // A writes a ticket for that customer and assigns it to B.
      await page.getByRole('banner').getByRole('link', { name: 'Tickets' }).click();
      await waitForPath(page, '/tickets');
      await main(page).getByRole('link', { name: 'New ticket' }).first().click();
      await waitForPath(page, '/new-ticket');
      const form = page.getByRole('form', { name: 'New ticket' });

      // Submitting empty shows what is missing, next to each field.
      await form.getByRole('button', { name: 'Create ticket' }).click();
      await expectText(page.getByTestId('title-field').locator('mat-error'), 'Enter a title');
      await expectText(page.getByTestId('customer-field').locator('mat-error'), 'Choose a customer');

      const title = `Printer on the 3rd floor is jammed ${Date.now().toString(36)}`;
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Description').fill('Paper jam in tray 2.\nThe display shows E-204.');
      await pickAutocomplete(page, form, 'Customer', 'grace', /Grace Hopper/);
      await pickAutocomplete(page, form, 'Assignee', b.username, b.username);
      await chooseSelectOption(page, form, 'Type', 'Incident');
      await chooseSelectOption(page, form, 'Topic', 'Office supplies');
      await chooseSelectOption(page, form, 'Priority', 'High');
      await form.getByLabel('Photo URL').fill(PHOTO_URL);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, artifactsDir, 'new-ticket');
      await form.getByRole('button', { name: 'Create ticket' }).click();

      await page.waitForURL(/\/ticket\/[0-9a-f-]+$/);
      const ticketPath = new URL(page.url()).pathname;
      await expectText(page.getByTestId('ticket-title'), title);
      await expectText(page.getByTestId('ticket-status'), 'Open');
      await expectText(page.getByTestId('ticket-assignee'), b.username);
      await expectVisible(page.getByTestId('ticket-customer-card').getByRole('link', { name: 'Grace Hopper' }));
      await page.getByRole('img', { name: 'Photo attached to the ticket' }).waitFor();
      const photoLoaded = await page
        .getByRole('img', { name: 'Photo attached to the ticket' })
        .evaluate((img) => img.complete && img.naturalWidth > 0);
      assert(photoLoaded, 'the ticket photo should load');

      // A starts the conversation.
      await page.getByRole('form', { name: 'Reply' }).getByLabel('Reply').fill('Could you have a look today?');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await expectText(page.getByTestId('comment'), 'Could you have a look today?');

      // B finds it in the Incoming box, with Edit (status and priority) but no Delete.
      await pageB.goto('/tickets');
      await main(pageB).getByRole('tab', { name: 'Outgoing' }).click();
      await expectVisible(main(pageB).getByRole('heading', { name: "You haven't sent any tickets" }));
      await main(pageB).getByRole('tab', { name: 'Incoming' }).click();
      assert(
        new URL(pageB.url()).searchParams.get('box') === 'incoming',
        `the tab should be in the URL, got ${pageB.url()}`,
      );
      const rowB = ticketRow(pageB, title);
      await expectVisible(rowB);
      await expectText(rowB.getByTestId('ticket-customer'), 'Grace Hopper');
      await expectVisible(rowB.getByRole('button', { name: 'Edit' }));
      assert(
        (await rowB.getByRole('button', { name: 'Delete' }).count()) === 0,
        'the assignee must not be offered Delete',
      );

      // A renames the ticket from its page.
      const newTitle = `${title} (tray 2)`;
      await main(page).getByRole('button', { name: 'Edit' }).click();
      const editForm = await dialogForm(page, 'Edit ticket');
      await editForm.getByLabel('Title').fill(newTitle);
      await editForm.getByRole('button', { name: 'Save changes' }).click();
      await expectHidden(page.getByRole('dialog'));
      await expectText(page.getByTestId('ticket-title'), newTitle);

      // B sees the new title, opens the ticket, replies and marks it complete.
      await pageB.reload();
      await openTicketFromList(pageB, newTitle);
      await expectText(pageB.getByTestId('comment'), 'Could you have a look today?');
      assert(
        (await main(pageB).getByRole('button', { name: 'Delete' }).count()) === 0,
        'the assignee must not be offered Delete',
      );
      await pageB
        .getByRole('form', { name: 'Reply' })
        .getByLabel('Reply')
        .fill('Cleared the jam and replaced the roller.');
      await pageB.getByRole('button', { name: 'Send reply' }).click();
      await expectText(pageB.getByTestId('comment'), 'Cleared the jam');
      await main(pageB).getByRole('button', { name: 'Mark complete' }).click();
      await expectText(pageB.getByTestId('ticket-status'), 'Closed');
      await expectVisible(main(pageB).getByRole('button', { name: 'Reopen' }));
      await screenshot(pageB, artifactsDir, 'ticket-closed-by-assignee');

      // B's closed filter shows it.
      await pageB.goto('/tickets?box=incoming&status=closed');
      await expectVisible(ticketRow(pageB, newTitle));
      await screenshot(pageB, artifactsDir, 'tickets-incoming-closed');

      // A deletes the customer; the ticket keeps the customer's name, marked deleted.
      await page.goto('/customers');
      await page.getByTestId('customer-row').getByRole('link', { name: 'Grace Hopper' }).click();
      await page.waitForURL(/\/customer\/[0-9a-f-]+$/);
      await expectVisible(ticketRow(page, newTitle));
      await main(page).getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete customer' }).click();
      await waitForPath(page, '/customers');
      await expectVisible(main(page).getByRole('heading', { name: 'No customers yet' }));

      await page.goto(ticketPath);
      await expectText(page.getByTestId('ticket-title'), newTitle);
      const customerCard = page.getByTestId('ticket-customer-card');
      await expectText(customerCard, 'Grace Hopper');
      await expectVisible(customerCard.getByTestId('customer-deleted'));
      await expectText(page.getByTestId('ticket-status'), 'Closed');
      await page
        .getByRole('img', { name: 'Photo attached to the ticket' })
        .evaluate((img) =>
          img.complete ? null : new Promise((resolve) => img.addEventListener('load', resolve, { once: true })),
        );
      await screenshot(page, artifactsDir, 'ticket');

      await page.goto('/tickets?box=outgoing');
      const rowA = ticketRow(page, newTitle);
      await expectText(rowA.getByTestId('ticket-customer'), 'Grace Hopper');
      await expectText(rowA.getByTestId('ticket-customer'), 'deleted');
      await expectText(rowA.getByTestId('ticket-status'), 'Closed');
      await screenshot(page, artifactsDir, 'tickets');
    },
  },

  {
    name: 'saving an edit after someone else changed the ticket says so, and Reload brings their change',
    async run({ page, newPage, artifactsDir }) {
      const a = uniqueUser('carol');
      const b = uniqueUser('dave');
      const pageB = await newPage();
      await signUpViaUi(page, a);
      await signUpViaUi(pageB, b);
      const bId = (await apiAs(pageB, 'GET', '/api/auth/me', undefined, 200)).user.id;
      const customer = await apiAs(page, 'POST', '/api/customers', { name: 'Linus', email: 'linus@example.com' }, 201);
      const ticket = await apiAs(
        page,
        'POST',
        '/api/tickets',
        {
          title: 'VPN drops every hour',
          customerId: customer.id,
          assigneeId: bId,
          type: 'problem',
          priority: 'normal',
          topic: 'technical',
        },
        201,
      );

      await page.goto(`/ticket/${ticket.id}`);
      await expectText(page.getByTestId('ticket-title'), 'VPN drops every hour');
      await main(page).getByRole('button', { name: 'Edit' }).click();
      const form = await dialogForm(page, 'Edit ticket');
      await form.getByLabel('Title').fill('VPN drops every hour on Wi-Fi');

      // Meanwhile B (the assignee) raises the priority.
      await apiAs(pageB, 'PATCH', `/api/tickets/${ticket.id}`, { priority: 'urgent', version: ticket.version }, 200);

      const answer = page.waitForResponse(
        (res) => res.url().endsWith(`/api/tickets/${ticket.id}`) && res.request().method() === 'PATCH',
      );
      await form.getByRole('button', { name: 'Save changes' }).click();
      assert((await answer).status() === 409, `a stale version should answer 409, got ${(await answer).status()}`);
      const alert = page.getByRole('dialog').getByTestId('form-error');
      await expectText(alert, /someone else changed/i);
      await screenshot(page, artifactsDir, 'ticket-edit-conflict');
      await alert.getByRole('button', { name: 'Reload' }).click();
      await expectHidden(alert);
      await expectText(form.getByLabel('Priority', { exact: true }), 'Urgent');

      await form.getByLabel('Title').fill('VPN drops every hour on Wi-Fi');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expectHidden(page.getByRole('dialog'));
      await expectText(page.getByTestId('ticket-title'), 'VPN drops every hour on Wi-Fi');
      await expectText(page.locator('bw-ticket-aside'), 'Urgent');

      // The assignee's edit dialog offers only priority and status.
      await pageB.goto(`/ticket/${ticket.id}`);
      await main(pageB).getByRole('button', { name: 'Edit' }).click();
      const limited = await dialogForm(pageB, 'Edit ticket');
      await expectVisible(limited.getByLabel('Status', { exact: true }));
      assert((await limited.getByLabel('Title').count()) === 0, 'the assignee must not be offered the title');
      await screenshot(pageB, artifactsDir, 'ticket-edit-assignee');
      await chooseSelectOption(pageB, limited, 'Status', 'Pending');
      await limited.getByRole('button', { name: 'Save changes' }).click();
      await expectHidden(pageB.getByRole('dialog'));
      await expectText(pageB.getByTestId('ticket-status'), 'Pending');
    },
  },

  {
    name: 'the creator deletes a ticket from the list after confirming; Load more pages through older tickets',
    async run({ page, artifactsDir }) {
      const a = uniqueUser('erin');
      await signUpViaUi(page, a);
      const me = (await apiAs(page, 'GET', '/api/auth/me', undefined, 200)).user;
      const customer = await apiAs(page, 'POST', '/api/customers', { name: 'Ken', email: 'ken@example.com' }, 201);
      for (let i = 1; i <= 12; i++) {
        await apiAs(
          page,
          'POST',
          '/api/tickets',
          {
            title: `Task number ${i}`,
            customerId: customer.id,
            assigneeId: me.id,
            type: 'task',
            priority: 'low',
            topic: 'general',
          },
          201,
        );
      }

      await page.goto('/tickets?box=outgoing');
      await expectVisible(ticketRow(page, 'Task number 12'));
      assert((await page.getByTestId('ticket-row').count()) === 10, 'the first page shows the ten most recent tickets');
      await main(page).getByRole('button', { name: 'Load more' }).click();
      await expectVisible(ticketRow(page, 'Task number 1'));
      assert((await page.getByTestId('ticket-row').count()) === 12, 'Load more adds the older tickets');
      await expectHidden(main(page).getByRole('button', { name: 'Load more' }));

      // Cancelling the confirmation keeps the ticket; confirming deletes it.
      await ticketRow(page, 'Task number 7').getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
      await expectHidden(page.getByRole('alertdialog'));
      await expectVisible(ticketRow(page, 'Task number 7'));
      await ticketRow(page, 'Task number 7').getByRole('button', { name: 'Delete' }).click();
      await screenshot(page, artifactsDir, 'ticket-delete-confirm');
      const deleted = page.waitForResponse(
        (res) => res.request().method() === 'DELETE' && res.url().includes('/api/tickets/'),
      );
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete ticket' }).click();
      assert((await deleted).status() === 204, `deleting should answer 204, got ${(await deleted).status()}`);
      // While a dialog is open the page behind it is aria-hidden, so wait for it to close first.
      await expectHidden(page.getByRole('alertdialog'));
      await expectHidden(ticketRow(page, 'Task number 7'));
      await expectText(page.locator('simple-snack-bar'), 'Ticket deleted');
      await apiAs(page, 'GET', '/api/tickets?box=outgoing&limit=100', undefined, 200).then((pageOfTickets) =>
        assert(
          !pageOfTickets.items.some((t) => t.title === 'Task number 7'),
          'the ticket should be gone on the server',
        ),
      );

      // Search narrows the list (debounced, in the URL).
      await main(page).getByLabel('Search tickets').fill('number 12');
      await expectHidden(ticketRow(page, 'Task number 3'));
      await expectVisible(ticketRow(page, 'Task number 12'));

      // The creator's own list at /users/:id/tickets has the same rows and buttons.
      await page.goto(`/users/${me.id}/tickets`);
      await expectVisible(main(page).getByRole('heading', { name: 'Your tickets' }));
      await expectVisible(ticketRow(page, 'Task number 12').getByRole('button', { name: 'Delete' }));
      await screenshot(page, artifactsDir, 'user-tickets');
    },
  },
];
