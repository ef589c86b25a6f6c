// Identity flows through the UI: sign up, log in, demo user, log out, guarded routes, form errors.
import { request } from 'playwright-core';
import {
  assert,
  expectEventually,
  expectHidden,
  expectText,
  expectValue,
  expectVisible,
  screenshot,
  uniqueUser,
  waitForPath,
} from './support.mjs';

const nav = (page) => page.getByRole('banner');
const navUsername = (page) => page.getByTestId('nav-username');
const logOutButton = (page) => nav(page).getByRole('button', { name: 'Log out' });
const form = (page, name) => page.getByRole('form', { name });

async function logOutToLanding(page) {
  await logOutButton(page).click();
  await waitForPath(page, '/');
  await expectVisible(page.getByRole('heading', { level: 1, name: /balanced support/i }));
  await expectVisible(nav(page).getByRole('link', { name: 'Log in' }));
  await expectHidden(logOutButton(page));
}

async function expectSignedInAs(page, username) {
  await waitForPath(page, '/tickets');
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Tickets' }));
  await expectText(navUsername(page), username);
  await expectVisible(logOutButton(page));
}

/** Creates a user through the API in its own cookie jar, so the browser stays logged out. */
async function createUserViaApi(baseURL) {
  const user = uniqueUser('taken');
  const api = await request.newContext({ baseURL });
  try {
    const res = await api.post('/api/auth/signup', { data: user });
    assert(res.status() === 201, `creating a user through the API answered ${res.status()}: ${await res.text()}`);
  } finally {
    await api.dispose();
  }
  return user;
}

export const identityTests = [
  {
    name: 'a visitor signs up, logs out, logs back in, and tries the demo user',
    async run({ page, artifactsDir }) {
      const user = uniqueUser();

      await page.goto('/');
      await screenshot(page, artifactsDir, 'landing');
      await page.getByRole('main').getByRole('link', { name: 'Sign up' }).click();
      await waitForPath(page, '/signup');
      await screenshot(page, artifactsDir, 'signup');

      const signup = form(page, 'Sign up');
      await signup.getByLabel('Email').fill(user.email);
      await signup.getByLabel('Username').fill(user.username);
      await signup.getByLabel('Password').fill(user.password);
      await signup.getByRole('button', { name: 'Sign up' }).click();

      await expectSignedInAs(page, user.username);
      await screenshot(page, artifactsDir, 'tickets-logged-in');

      await logOutToLanding(page);

      await nav(page).getByRole('link', { name: 'Log in' }).click();
      await waitForPath(page, '/login');
      await screenshot(page, artifactsDir, 'login');
      const login = form(page, 'Log in');
      await login.getByLabel('Email').fill(user.email);
      await login.getByLabel('Password').fill(user.password);
      await login.getByRole('button', { name: 'Log in' }).click();
      await expectSignedInAs(page, user.username);

      await logOutToLanding(page);

      await page.goto('/login');
      await page.getByRole('button', { name: 'Demo user', exact: true }).click();
      await waitForPath(page, '/tickets');
      const me = await page.request.get('/api/auth/me');
      assert(me.ok(), `GET /api/auth/me after the demo login answered ${me.status()}`);
      const demoName = (await me.json()).user.username;
      await expectSignedInAs(page, demoName);

      await logOutToLanding(page);
      const after = await page.request.get('/api/auth/me');
      assert(
        after.status() === 401,
        `the session should be gone after logging out, GET /api/auth/me answered ${after.status()}`,
      );
    },
  },

  {
    name: 'a bad signup shows each error next to its field and keeps the entered email and username',
    async run({ page, baseURL, artifactsDir }) {
      const existing = await createUserViaApi(baseURL);
      const fresh = uniqueUser('fresh');

      await page.goto('/signup');
      const signup = form(page, 'Sign up');
      const email = signup.getByLabel('Email');
      const username = signup.getByLabel('Username');
      const password = signup.getByLabel('Password');
      const submit = signup.getByRole('button', { name: 'Sign up' });

      // A password that is too short is caught next to the password field.
      await email.fill(existing.email.toUpperCase());
      await username.fill(fresh.username);
      await password.fill('short');
      await submit.click();
      await expectText(page.getByTestId('password-field').locator('mat-error'), /at least 8 characters/i);
      await waitForPath(page, '/signup');
      await expectValue(email, existing.email.toUpperCase(), 'email after a short password');
      await expectValue(username, fresh.username, 'username after a short password');

      // The server refuses the duplicate email (case-insensitively): its message sits under the email field.
      await password.fill(fresh.password);
      const answer = page.waitForResponse((res) => res.url().endsWith('/api/auth/signup'));
      await submit.click();
      assert((await answer).status() === 409, `a duplicate email should answer 409, got ${(await answer).status()}`);
      const emailError = page.getByTestId('email-field').locator('mat-error');
      await expectText(emailError, /already/i);
      await expectEventually(() => email.getAttribute('aria-invalid'), 'true', 'email aria-invalid');
      await expectValue(email, existing.email.toUpperCase(), 'email kept after the server error');
      await expectValue(username, fresh.username, 'username kept after the server error');
      await expectValue(password, '', 'password cleared after the server error');
      await expectHidden(page.getByTestId('username-field').locator('mat-error'));
      await screenshot(page, artifactsDir, 'signup-duplicate-email');

      // Fixing the email clears its error and the signup goes through.
      await email.fill(fresh.email);
      await expectHidden(emailError);
      await password.fill(fresh.password);
      await submit.click();
      await expectSignedInAs(page, fresh.username);
    },
  },

  {
    name: 'a wrong password says "Wrong email or password", keeps the email and clears the password',
    async run({ page, baseURL }) {
      const existing = await createUserViaApi(baseURL);
      await page.goto('/login');
      const login = form(page, 'Log in');
      await login.getByLabel('Email').fill(existing.email);
      await login.getByLabel('Password').fill('not-the-password');
      await login.getByRole('button', { name: 'Log in' }).click();

      await expectText(page.getByRole('alert'), 'Wrong email or password');
      await waitForPath(page, '/login');
      await expectValue(login.getByLabel('Email'), existing.email, 'email kept after a failed login');
      await expectValue(login.getByLabel('Password'), '', 'password cleared after a failed login');
    },
  },

  {
    name: 'a visitor who opens /tickets is sent to log in, then back to /tickets',
    async run({ page, baseURL }) {
      const existing = await createUserViaApi(baseURL);
      await page.goto('/tickets');
      await waitForPath(page, '/login');
      const returnUrl = new URL(page.url()).searchParams.get('returnUrl');
      assert(returnUrl === '/tickets', `returnUrl should be /tickets, got ${returnUrl}`);

      const login = form(page, 'Log in');
      await login.getByLabel('Email').fill(existing.email);
      await login.getByLabel('Password').fill(existing.password);
      await login.getByRole('button', { name: 'Log in' }).click();
      await expectSignedInAs(page, existing.username);

      // A reload keeps the session (server-side cookie), and the signed-in user skips /login.
      await page.reload();
      await expectSignedInAs(page, existing.username);
      await page.goto('/login');
      await waitForPath(page, '/tickets');
    },
  },

  {
    name: 'the Demo user button on the landing and signup pages logs in',
    async run({ page }) {
      for (const start of ['/', '/signup']) {
        await page.goto(start);
        await page.getByRole('main').getByRole('button', { name: 'Demo user', exact: true }).click();
        await waitForPath(page, '/tickets');
        await expectVisible(navUsername(page));

        // Signed in, the landing page offers the way back to work instead of the sign-up buttons.
        await page.goto('/');
        await expectHidden(page.getByRole('main').getByRole('button', { name: 'Demo user', exact: true }));
        await page.getByRole('main').getByRole('link', { name: 'Go to tickets' }).click();
        await waitForPath(page, '/tickets');

        await logOutToLanding(page);
      }
    },
  },
];
