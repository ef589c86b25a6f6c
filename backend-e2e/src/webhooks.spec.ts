import {
  createTrigger,
  createWebhook,
  deleteWebhook,
  getTrigger,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhookDelivery,
  testWebhook,
  updateTrigger,
  updateWebhook,
} from '@bw/sdk';
import { randomUUID } from 'node:crypto';
import { fields, person, Person } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';

// The default policy: https only, no private targets. A public IP literal needs no DNS.
const PUBLIC_URL = 'https://93.184.215.14/hooks/helpdesk';

let server: TestServer;
let owner: Person;
let stranger: Person;
beforeAll(async () => {
  server = await startTestServer({ WEBHOOK_DISPATCH: 'false' });
  [owner, stranger] = await Promise.all(['whowner', 'whstranger'].map((p) => person(server.baseUrl, p)));
});
afterAll(() => server.close());

const create = (p: Person, url = PUBLIC_URL, name = 'Chat channel') =>
  createWebhook({ client: p.s.client, body: { name, url } });

describe('webhooks', () => {
  it('answer the secret once, at creation, and never again', async () => {
    const res = await create(owner);
    expect(res.response.status).toBe(201);
    expect(res.response.headers.get('location')).toBe(`/api/webhooks/${res.data!.id}`);
    const created = res.data!;
    expect(created).toMatchObject({
      name: 'Chat channel',
      url: PUBLIC_URL,
      active: true,
      version: 1,
      ownerId: owner.user.id,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
    const again = (await create(owner)).data!;
    expect(again.secret).not.toBe(created.secret);

    const answers = await Promise.all([
      owner.s.raw(`/api/webhooks/${created.id}`),
      owner.s.raw('/api/webhooks?limit=100'),
      owner.s.raw(`/api/webhooks/${created.id}/deliveries`),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = await answer.text();
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain('"secret"');
    }
    const patched = await updateWebhook({
      client: owner.s.client,
      path: { id: created.id },
      body: { name: 'Renamed', version: 1 },
    });
    expect(patched.data).toMatchObject({ name: 'Renamed', version: 2 });
    expect(JSON.stringify(patched.data)).not.toContain(created.secret);
  });

  it('are private to their owner: every operation on another user’s webhook is 404', async () => {
    const w = (await create(owner)).data!;
    for (const call of [
      getWebhook({ client: stranger.s.client, path: { id: w.id } }),
      updateWebhook({ client: stranger.s.client, path: { id: w.id }, body: { active: false, version: 1 } }),
      deleteWebhook({ client: stranger.s.client, path: { id: w.id } }),
      listWebhookDeliveries({ client: stranger.s.client, path: { id: w.id } }),
      testWebhook({ client: stranger.s.client, path: { id: w.id } }),
      redeliverWebhookDelivery({ client: stranger.s.client, path: { id: w.id, deliveryId: randomUUID() } }),
    ])
      expect((await call).response.status).toBe(404);
    expect((await listWebhooks({ client: stranger.s.client })).data!.items.map((x) => x.id)).not.toContain(w.id);
    expect(
      (await listWebhooks({ client: owner.s.client, query: { limit: 100 } })).data!.items.map((x) => x.id),
    ).toContain(w.id);
    expect((await getWebhook({ client: owner.s.client, path: { id: 'not-a-uuid' } })).response.status).toBe(404);
    // An unknown delivery of one's own webhook is 404 too.
    expect(
      (await redeliverWebhookDelivery({ client: owner.s.client, path: { id: w.id, deliveryId: randomUUID() } }))
        .response.status,
    ).toBe(404);
  });

  it('refuse a stale version with 409 and change nothing', async () => {
    const w = (await create(owner)).data!;
    await updateWebhook({ client: owner.s.client, path: { id: w.id }, body: { active: false, version: 1 } });
    const stale = await updateWebhook({ client: owner.s.client, path: { id: w.id }, body: { name: 'x', version: 1 } });
    expect(stale.response.status).toBe(409);
    expect((await getWebhook({ client: owner.s.client, path: { id: w.id } })).data).toMatchObject({
      name: 'Chat channel',
      active: false,
      version: 2,
    });
    expect((await testWebhook({ client: owner.s.client, path: { id: w.id } })).response.status).toBe(409);
    expect((await deleteWebhook({ client: owner.s.client, path: { id: w.id } })).response.status).toBe(204);
    expect((await getWebhook({ client: owner.s.client, path: { id: w.id } })).response.status).toBe(404);
  });

  it('validate their fields, naming each bad one', async () => {
    const bad = await createWebhook({
      client: owner.s.client,
      body: { name: '', url: 42 as unknown as string, extra: 1 } as never,
    });
    expect(bad.response.status).toBe(400);
    expect(fields(bad.error)).toEqual(expect.arrayContaining(['name', 'url', 'extra']));
    for (const url of [
      'not a url',
      'ftp://93.184.215.14/x',
      'http://93.184.215.14/x',
      'https://user:pw@93.184.215.14/x',
    ]) {
      const res = await create(owner, url);
      expect({ url, status: res.response.status, fields: fields(res.error) }).toEqual({
        url,
        status: 400,
        fields: ['url'],
      });
    }
  });

  it('refuse hosts that are or resolve to loopback, private, link-local, unique-local, multicast or unspecified addresses', async () => {
    const refused = [
      'https://127.0.0.1/x',
      'https://127.8.9.10/x',
      'https://10.1.2.3/x',
      'https://172.16.0.1/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://224.0.0.1/x',
      'https://[::1]/x',
      'https://[::]/x',
      'https://[fe80::1]/x',
      'https://[fc00::1]/x',
      'https://[fd12:3456::1]/x',
      'https://[ff02::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://[::ffff:10.0.0.1]/x',
      'https://[::ffff:a9fe:a9fe]/x',
      'https://localhost/x',
      'https://localhost:8443/x',
      'https://2130706433/x',
    ];
    for (const url of refused) {
      const res = await create(owner, url);
      expect({ url, status: res.response.status, fields: fields(res.error) }).toEqual({
        url,
        status: 400,
        fields: ['url'],
      });
    }
    const w = (await create(owner)).data!;
    const moved = await updateWebhook({
      client: owner.s.client,
      path: { id: w.id },
      body: { url: 'https://localhost/x', version: 1 },
    });
    expect(moved.response.status).toBe(400);
    expect(fields(moved.error)).toEqual(['url']);
    expect((await getWebhook({ client: owner.s.client, path: { id: w.id } })).data).toMatchObject({
      url: PUBLIC_URL,
      version: 1,
    });
  });
});

describe('a trigger with a webhook recipient', () => {
  const body = (webhookId: string) => ({
    name: 'To the chat',
    event: 'ticket.closed' as const,
    recipient: { kind: 'webhook' as const, webhookId },
    message: 'Closed {{ticket.title}}',
  });

  it("takes only one of its owner's webhooks", async () => {
    const mine = (await create(owner)).data!;
    const theirs = (await create(stranger)).data!;
    const ok = await createTrigger({ client: owner.s.client, body: body(mine.id) });
    expect(ok.response.status).toBe(201);
    expect(ok.data!.recipient).toEqual({ kind: 'webhook', webhookId: mine.id });
    for (const webhookId of [theirs.id, randomUUID()]) {
      const res = await createTrigger({ client: owner.s.client, body: body(webhookId) });
      expect(res.response.status).toBe(400);
      expect(fields(res.error)).toEqual(['recipient.webhookId']);
    }
    const missing = await createTrigger({
      client: owner.s.client,
      body: { ...body(mine.id), recipient: { kind: 'webhook' } },
    });
    expect(fields(missing.error)).toEqual(['recipient.webhookId']);
    const mixed = await createTrigger({
      client: owner.s.client,
      body: { ...body(mine.id), recipient: { kind: 'user', userId: owner.user.id, webhookId: mine.id } },
    });
    expect(fields(mixed.error)).toEqual(['recipient.webhookId']);
    // customer.deleted may send to a webhook too.
    const onDelete = await createTrigger({
      client: owner.s.client,
      body: { ...body(mine.id), event: 'customer.deleted', message: 'Removed {{customer.name}}' },
    });
    expect(onDelete.response.status).toBe(201);
  });

  it('stays editable after its webhook is deleted', async () => {
    const w = (await create(owner)).data!;
    const t = (await createTrigger({ client: owner.s.client, body: body(w.id) })).data!;
    await deleteWebhook({ client: owner.s.client, path: { id: w.id } });
    const off = await updateTrigger({
      client: owner.s.client,
      path: { id: t.id },
      body: { active: false, version: 1 },
    });
    expect(off.data).toMatchObject({ active: false, recipient: { kind: 'webhook', webhookId: w.id } });
    const back = await updateTrigger({
      client: owner.s.client,
      path: { id: t.id },
      body: { recipient: { kind: 'webhook', webhookId: w.id }, version: 2 },
    });
    expect(fields(back.error)).toEqual(['recipient.webhookId']);
    expect((await getTrigger({ client: owner.s.client, path: { id: t.id } })).data!.version).toBe(2);
  });
});
