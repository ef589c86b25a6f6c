#!/usr/bin/env node
// `npm run bench:ui`: how fast the built app shows work, in Chromium with a cold cache (a new
// browser context per run, the HTTP cache disabled), median of 5:
//   demo   the "Demo user" click on the landing page → the first ticket row visible (target ≤ 600 ms)
//   cold   a cold load of /tickets, signed in → the first ticket row visible (target ≤ 800 ms)
// For each it also counts the JS files fetched before the row showed and the serial steps (the
// longest chain of requests each starting after the one before it ended). Builds backend and
// frontend first unless --no-build; starts the built server on a fresh database like tools/e2e.mjs.
// Prints a table and writes bench/results/ui.json.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const { Client } = require('pg');
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 5);
const TARGETS = { demo: 600, cold: 800 };
const ROW = '[data-testid="ticket-row"]';

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function admin(url, sql) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(baseURL, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseURL}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app at ${baseURL} did not become healthy`);
}

// In the page, before any script: the moment of the click on "Demo user", and the moment the
// first ticket row is in the DOM and laid out (a MutationObserver, then the next frame).
const MARKERS = () => {
  window.__bench = { click: null, row: null };
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('[data-testid="demo-user"]')) {
        window.__bench.click = performance.now();
      }
    },
    true,
  );
  new MutationObserver((_, observer) => {
    if (window.__bench.row === null && document.querySelector('[data-testid="ticket-row"]')) {
      observer.disconnect();
      requestAnimationFrame(() => (window.__bench.row = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
};

/** The JS files and serial request steps between `from` and `to` (ms on the page's clock). */
async function requestShape(page, from, to) {
  const entries = await page.evaluate(() => [
    {
      name: location.href,
      initiatorType: 'navigation',
      startTime: 0,
      responseEnd: performance.getEntriesByType('navigation')[0]?.responseEnd ?? 0,
    },
    ...performance.getEntriesByType('resource').map((e) => ({
      name: e.name,
      initiatorType: e.initiatorType,
      startTime: e.startTime,
      responseEnd: e.responseEnd,
    })),
  ]);
  const relevant = entries
    .filter((e) => e.startTime >= from - 1 && e.responseEnd <= to)
    .filter((e) => e.initiatorType === 'navigation' || /\.js($|\?)/.test(e.name) || e.name.includes('/api/'))
    .sort((a, b) => a.startTime - b.startTime);
  const depth = [];
  for (const [i, e] of relevant.entries()) {
    let before = 0;
    for (let j = 0; j < i; j++) if (relevant[j].responseEnd <= e.startTime) before = Math.max(before, depth[j]);
    depth.push(before + 1);
  }
  return {
    jsFiles: relevant.filter((e) => /\.js($|\?)/.test(e.name)).length,
    serialSteps: Math.max(0, ...depth),
    requests: relevant.map(
      (e) => `${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ${new URL(e.name).pathname}`,
    ),
  };
}

async function coldContext(browser, baseURL) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 800 } });
  await context.addInitScript(MARKERS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page };
}

async function demoClick(browser, baseURL) {
  const { context, page } = await coldContext(browser, baseURL);
  try {
    await page.goto('/', { waitUntil: 'networkidle' });
    await page.getByTestId('demo-user').click();
    await page.locator(ROW).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => window.__bench.row !== null);
    const { click, row } = await page.evaluate(() => window.__bench);
    return { ms: row - click, ...(await requestShape(page, click, row)) };
  } finally {
    await context.close();
  }
}

async function coldLoad(browser, baseURL) {
  const { context, page } = await coldContext(browser, baseURL);
  try {
    const login = await context.request.post('/api/auth/demo');
    if (!login.ok()) throw new Error(`POST /api/auth/demo answered ${login.status()}`);
    await page.goto('/tickets', { waitUntil: 'commit' });
    await page.locator(ROW).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => window.__bench.row !== null);
    const row = await page.evaluate(() => window.__bench.row);
    return { ms: row, ...(await requestShape(page, 0, row)) };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(browser, baseURL) {
  const results = {};
  for (const [name, fn] of [
    ['demo', demoClick],
    ['cold', coldLoad],
  ]) {
    await fn(browser, baseURL); // warm the server (not the browser: every run has a new context)
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await fn(browser, baseURL));
    const mid = runs.find((r) => r.ms === median(runs.map((x) => x.ms)));
    results[name] = {
      medianMs: Math.round(mid.ms),
      runsMs: runs.map((r) => Math.round(r.ms)),
      targetMs: TARGETS[name],
      jsFiles: mid.jsFiles,
      serialSteps: mid.serialSteps,
      requests: mid.requests,
    };
  }
  return results;
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    run(path.join(root, 'node_modules', '.bin', 'nx'), [
      'run-many',
      '-t',
      'build',
      '-p',
      'backend',
      'frontend',
      '--outputStyle=static',
    ]);
  }
  const { startEmbeddedPostgres, resolveDatabase } = require(
    path.join(root, 'dist', 'backend', 'database', 'embedded-postgres', 'index.js'),
  );
  const server = process.env.DATABASE_URL
    ? await resolveDatabase(process.env)
    : await startEmbeddedPostgres({
        dataDir: path.join(root, '.data', 'postgres-bench-ui'),
        port: Number(process.env.EMBEDDED_PG_BENCH_UI_PORT ?? 54332),
        database: 'postgres',
      });
  const database = `bw_bench_ui_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await admin(server.url, `create database "${database}"`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ['dist/backend/main.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      PORT: String(port),
      STATIC_DIR: process.env.BENCH_UI_STATIC_DIR ?? path.join(root, 'dist', 'frontend', 'browser'),
      LOG_LEVEL: 'warn',
    },
  });
  let code = 1;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  try {
    await waitForHealth(baseURL);
    const results = await measure(browser, baseURL);
    console.log(`\nbench:ui (Chromium, cold cache, median of ${RUNS})`);
    console.log('| measurement | median | runs | target | JS files | serial steps |');
    console.log('| --- | ---: | --- | ---: | ---: | ---: |');
    for (const [name, label] of [
      ['demo', 'Demo user click → first ticket row'],
      ['cold', 'cold load of /tickets → first ticket row'],
    ]) {
      const r = results[name];
      const verdict = r.medianMs <= r.targetMs ? 'ok' : 'OVER';
      console.log(
        `| ${label} | ${r.medianMs} ms | ${r.runsMs.join(', ')} | ≤ ${r.targetMs} ms ${verdict} | ${r.jsFiles} | ${r.serialSteps} |`,
      );
    }
    mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
    const file = path.join(root, 'bench', 'results', 'ui.json');
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, results }, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
    code = Object.values(results).every((r) => r.medianMs <= r.targetMs) ? 0 : 1;
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15000))]);
    await admin(server.url, `drop database if exists "${database}" with (force)`).catch(() => undefined);
    await server.stop();
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
