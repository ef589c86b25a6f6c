import { createApiToken, PROBLEM_CODES } from '@bw/sdk';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { customerOf, person, ticketBy } from './support/fixtures';
import { PackedSdk, root, sdkDir } from './support/packed-sdk';
import { startTestServer, TestServer } from './support/server';

/** A pass-through proxy in front of the server that records the headers every request arrived with. */
async function recordingProxy(target: string) {
  const seen: { url: string; cookie?: string; authorization?: string }[] = [];
  const upstream = new URL(target);
  const proxy = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', cookie: req.headers.cookie, authorization: req.headers.authorization });
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

/**
 * One program for ESM, CommonJS and strict TypeScript (the JavaScript ones drop its two annotations): paging,
 * creation, a 409 and a 400 as ApiError, a 404 without throwOnError. baseUrl comes from BW_URL.
 */
const program = (tag: string) => `
  const client = sdk.createClient({ token: process.env.BW_TOKEN });
  const me = (await sdk.getMe({ client, throwOnError: true })).data.user;
  const customer = (await sdk.createCustomer({ client, body: { name: '${tag} customer', email: '${tag}@example.com' }, throwOnError: true })).data;
  const created = [];
  for (const n of [0, 1, 2]) {
    const body = { title: '${tag} ' + n, customerId: customer.id, assigneeId: me.id, type: 'question', priority: 'normal', topic: 'general' } as const;
    created.push((await sdk.createTicket({ client, body, throwOnError: true })).data);
  }
  const titles = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = (await sdk.listTickets({ client, query: { box: 'outgoing', limit: 2, cursor }, throwOnError: true })).data;
    titles.push(...page.items.map((t) => t.title));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  await sdk.closeTicket({ client, path: { id: created[0].id }, throwOnError: true });
  let conflict;
  try {
    await sdk.closeTicket({ client, path: { id: created[0].id }, throwOnError: true });
  } catch (error) {
    if (error instanceof sdk.ApiError) conflict = { status: error.status, code: error.problem.code, isError: error instanceof Error, isProblem: sdk.isProblem(error.problem) };
  }
  let invalid;
  try {
    await sdk.createCustomer({ client, body: { name: '', email: 'not-an-email' }, throwOnError: true });
  } catch (error) {
    if (error instanceof sdk.ApiError) invalid = { status: error.status, code: error.code, fields: (error.problem.errors ?? []).map((e) => e.field).sort() };
  }
  const missing = await sdk.getTicket({ client, path: { id: customer.id } });
  console.log(JSON.stringify({ titles, pages, conflict, invalid, notFound: sdk.isProblem(missing.error) ? missing.error.status : null }));
`;

describe('the SDK as a package (npm pack, installed into a fresh project)', () => {
  let server: TestServer;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let sdk: PackedSdk;

  beforeAll(async () => {
    server = await startTestServer();
    proxy = await recordingProxy(server.baseUrl);
    sdk = await PackedSdk.install();
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    sdk?.remove();
  });

  /** A fresh user's API token, made from its session. */
  async function tokenOfNewUser(): Promise<string> {
    const p = await person(server.baseUrl, 'pkg');
    return (await createApiToken({ client: p.s.client, body: { name: 'package test' }, throwOnError: true })).data
      .token;
  }

  it('is versioned with the API; its one dependency, eventsource-parser, is pinned and installed beside it', () => {
    const document = JSON.parse(readFileSync(path.join(sdkDir, 'openapi.json'), 'utf8'));
    expect(sdk.manifest.name).toBe('@balanced-workspace/sdk');
    expect(sdk.manifest.version).toBe(document.info.version);
    const pinned = sdk.manifest.dependencies?.['eventsource-parser'];
    expect(sdk.manifest.dependencies).toEqual({ 'eventsource-parser': expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const parser = path.join(sdk.project, 'node_modules', 'eventsource-parser', 'package.json');
    expect(JSON.parse(readFileSync(parser, 'utf8')).version).toBe(pinned);
  });

  it.each(['esm', 'cjs', 'ts'] as const)(
    'works from %s: pages, creates, throws typed ApiErrors, and sends the token only as a Bearer header',
    async (flavour) => {
      const token = await tokenOfNewUser();
      const script = await sdk.scriptFor(flavour, flavour, program(flavour));
      const before = proxy.seen.length;
      const { stdout } = await sdk.node(script, { BW_URL: proxy.url, BW_TOKEN: token });
      expect(JSON.parse(stdout)).toEqual({
        titles: [`${flavour} 2`, `${flavour} 1`, `${flavour} 0`],
        pages: 2,
        conflict: { status: 409, code: 'TICKET_ALREADY_CLOSED', isError: true, isProblem: true },
        invalid: { status: 400, code: 'VALIDATION_FAILED', fields: ['email', 'name'] },
        notFound: 404,
      });
      const requests = proxy.seen.slice(before);
      expect(requests.length).toBeGreaterThanOrEqual(10);
      expect(requests.filter((r) => r.cookie !== undefined)).toEqual([]);
      expect(requests.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
    },
  );

  it("runs the README's first example as written", async () => {
    const p = await person(server.baseUrl, 'readme');
    const ticket = await ticketBy(p, await customerOf(p), p.user, { title: 'Printer on fire' });
    const token = (await createApiToken({ client: p.s.client, body: { name: 'readme' }, throwOnError: true })).data
      .token;
    const example = /```js\n([\s\S]*?)```/.exec(readFileSync(path.join(sdkDir, 'README.md'), 'utf8'))?.[1];
    expect(example).toContain("from '@balanced-workspace/sdk'");
    writeFileSync(path.join(sdk.project, 'readme.mjs'), example ?? '');
    const { stdout } = await sdk.node('readme.mjs', { BW_URL: server.baseUrl, BW_TOKEN: token });
    expect(stdout).toBe(`${ticket.status}\t${ticket.title}\n`);
  });

  it('names every problem code the backend raises in ProblemCode', () => {
    const raised = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) scan(full);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
          const text = readFileSync(full, 'utf8');
          for (const m of text.matchAll(/readonly code = '([A-Z_]+)'/g)) raised.add(m[1]);
          for (const m of text.matchAll(/domainError\(\s*'([A-Z_]+)'/g)) raised.add(m[1]);
          for (const m of text.matchAll(/problem\(\s*[\w.]+,\s*'([A-Z_]+)'/g)) raised.add(m[1]);
          for (const m of text.matchAll(/^\s+\d{3}: '([A-Z_]+)',$/gm)) raised.add(m[1]);
          for (const m of text.matchAll(/\? '([A-Z_]+)' : '([A-Z_]+)'/g)) raised.add(m[1]).add(m[2]);
        }
      }
    };
    scan(path.join(root, 'backend', 'src'));
    expect(raised.size).toBeGreaterThan(20);
    expect([...raised].filter((code) => !(PROBLEM_CODES as readonly string[]).includes(code))).toEqual([]);
  });
});
