#!/usr/bin/env node
// Browser tests for the Angular app, driven by playwright-core in the system's Chromium
// (no browser download). Each test gets a fresh browser context (its own cookies), and may
// open more with `newPage()` when it needs a second person (each context is one signed-in user).
//
//   E2E_BASE_URL   the running app (API + built UI on one origin); default http://localhost:3000
//   CHROMIUM_PATH  browser binary; default /usr/bin/chromium
//   E2E_ONLY       run only tests whose name contains this text
//
// Prints each test, then a final line "N passed, M failed"; exits non-zero on any failure.
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { apiTokensTests } from './src/api-tokens.e2e.mjs';
import { consoleTests } from './src/console.e2e.mjs';
import { customersTests } from './src/customers.e2e.mjs';
import { dashboardTests } from './src/dashboard.e2e.mjs';
import { dailyWorkTests } from './src/daily-work.e2e.mjs';
import { darkModeTests } from './src/dark-mode.e2e.mjs';
import { draftsTests } from './src/drafts.e2e.mjs';
import { shortcutsTests } from './src/shortcuts.e2e.mjs';
import { dueDatesTests } from './src/due-dates.e2e.mjs';
import { identityTests } from './src/identity.e2e.mjs';
import { liveTests } from './src/live.e2e.mjs';
import { macrosTriggersTests } from './src/macros-triggers.e2e.mjs';
import { ticketTableTests } from './src/ticket-table.e2e.mjs';
import { ticketDueTests } from './src/ticket-due.e2e.mjs';
import { savedViewsTests } from './src/saved-views.e2e.mjs';
import { ticketsTests } from './src/tickets.e2e.mjs';
import { webhooksTests } from './src/webhooks.e2e.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const baseURL = (process.env.E2E_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifactsDir = path.join(here, 'artifacts');
const only = process.env.E2E_ONLY;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const tests = [
  ...identityTests,
  ...customersTests,
  ...ticketsTests,
  ...liveTests,
  ...macrosTriggersTests,
  ...apiTokensTests,
  ...webhooksTests,
  ...consoleTests,
  ...dailyWorkTests,
  ...ticketTableTests,
  ...ticketDueTests,
  ...dashboardTests,
  ...savedViewsTests,
  ...draftsTests,
  ...shortcutsTests,
  ...darkModeTests,
  ...dueDatesTests,
].filter((t) => !only || t.name.includes(only));

async function waitForServer(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `The app at ${baseURL} is not healthy after ${timeoutMs / 1000}s (${lastError}). Start it first (npm start).`,
  );
}

function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

async function main() {
  await access(executablePath).catch(() => {
    throw new Error(
      `No browser at ${executablePath}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  });
  await mkdir(artifactsDir, { recursive: true });
  await waitForServer();
  console.log(`frontend-e2e against ${baseURL} (${tests.length} tests)`);

  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      const started = Date.now();
      const pageErrors = [];
      const contexts = [];
      // A test may need a second person (a second browser context, with its own cookies).
      const newPage = async () => {
        const ctx = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
        ctx.setDefaultTimeout(10_000);
        ctx.setDefaultNavigationTimeout(15_000);
        contexts.push(ctx);
        const p = await ctx.newPage();
        p.on('pageerror', (error) => pageErrors.push(`[context ${contexts.length}] ${error.message}`));
        return p;
      };
      const page = await newPage();
      const context = page.context();
      try {
        await test.run({ page, context, newPage, baseURL, artifactsDir });
        if (pageErrors.length > 0) {
          throw new Error(`uncaught errors in the page:\n  ${pageErrors.join('\n  ')}`);
        }
        passed += 1;
        console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`  ✗ ${test.name} (${Date.now() - started} ms)`);
        console.log(
          `    ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').join('\n    ')}`,
        );
        const pages = contexts.flatMap((ctx) => ctx.pages());
        for (const [index, p] of pages.entries()) {
          const shot = path.join(artifactsDir, `failure-${slug(test.name)}${index === 0 ? '' : `-${index + 1}`}.png`);
          await p
            .screenshot({ path: shot, fullPage: true })
            .then(() => console.log(`    screenshot: ${path.relative(process.cwd(), shot)} (url ${p.url()})`))
            .catch(() => undefined);
        }
      } finally {
        for (const ctx of contexts) await ctx.close();
      }
    }
  } finally {
    await browser.close();
  }

  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
