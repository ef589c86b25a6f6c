import {
  closeTicket,
  createTrigger,
  deleteCustomer,
  testTrigger,
  createWebhook,
  listWebhookDeliveries,
  redeliverWebhookDelivery,
  testWebhook,
  updateWebhook,
  type WebhookDeliveryDto,
} from '@bw/sdk';
import { DeliveryWorker } from '@bw/backend/modules/webhooks/application/delivery-worker';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { customerOf, person, Person, ticketBy } from './support/fixtures';
import { eventually } from './support/isolated-database';
import { startTestServer, TestServer } from './support/server';
import { WebhookReceiver } from './support/webhook-receiver';

/** An attempt's limit: ample for a local receiver on a loaded machine, short enough to see a hang end. */
const TIMEOUT_MS = 3000;
/** A delivery worker that may call the local receiver, with retries quick enough to watch. */
const WORKER = {
  WEBHOOK_DISPATCH: 'true',
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_RETRY_MAX_MS: '100',
  WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
};

let server: TestServer;
let receiver: WebhookReceiver;
let owner: Person;
let db: Client;
beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  server = await startTestServer({
    ...WORKER,
    OUTBOX_DISPATCH: 'true',
    OUTBOX_POLL_MS: '200',
    WEBHOOK_POLL_MS: '50',
    WEBHOOK_CIRCUIT_OPEN_MS: '50',
    WEBHOOK_CONCURRENCY: '8',
    WEBHOOK_ENDPOINT_CONCURRENCY: '2',
  });
  owner = await person(server.baseUrl, 'whdeliv');
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await server.close();
  await receiver.close();
});

async function webhookTo(url: string, name = 'Receiver') {
  const res = await createWebhook({ client: owner.s.client, body: { name, url } });
  if (!res.data) throw new Error(`createWebhook: ${res.response.status} ${JSON.stringify(res.error)}`);
  return res.data;
}

async function deliveries(webhookId: string): Promise<WebhookDeliveryDto[]> {
  return (await listWebhookDeliveries({ client: owner.s.client, path: { id: webhookId }, query: { limit: 100 } })).data!
    .items;
}

async function settled(webhookId: string, count: number, status: WebhookDeliveryDto['status']) {
  let items: WebhookDeliveryDto[] = [];
  try {
    await eventually(`${count} ${status} deliveries`, async () => {
      items = await deliveries(webhookId);
      return items.length === count && items.every((d) => d.status === status);
    });
  } catch (error) {
    // Say where they stand: a stall shows whose attempt failed and when the next one is due.
    const seen = items.map((d) => `${d.status}/${d.attempts}/${d.lastError ?? '-'}/${d.nextAttemptAt ?? '-'}`);
    throw new Error(`${(error as Error).message}; saw ${items.length}: ${seen.join(', ')}`);
  }
  return deliveries(webhookId);
}

describe('webhook deliveries', () => {
  it('POST the fired trigger’s body, signed as Standard Webhooks verify it', async () => {
    const url = receiver.url('/signed');
    const w = await webhookTo(url);
    const trigger = (
      await createTrigger({
        client: owner.s.client,
        body: {
          name: 'Closed to chat',
          event: 'ticket.closed',
          recipient: { kind: 'webhook', webhookId: w.id },
          message: 'Closed "{{ticket.title}}" for {{customer.name}}',
        },
      })
    ).data!;
    const customer = await customerOf(owner);
    const ticket = await ticketBy(owner, customer, owner.user);
    await closeTicket({ client: owner.s.client, path: { id: ticket.id } });
    const [delivery] = await settled(w.id, 1, 'succeeded');
    expect(delivery).toMatchObject({
      event: 'ticket.closed',
      attempts: 1,
      lastResponseStatus: 200,
      lastError: null,
      nextAttemptAt: null,
    });

    const [got] = receiver.of('/signed');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['webhook-id']).toBe(delivery.id);
    expect(got.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new Webhook(w.secret).verify(got.body, got.headers) as Record<string, unknown>;
    expect(verified).toEqual({
      type: 'ticket.closed',
      timestamp: expect.any(String),
      data: {
        trigger: { id: trigger.id, name: 'Closed to chat' },
        ticket: expect.objectContaining({ id: ticket.id, title: ticket.title, status: 'closed' }),
        customer: expect.objectContaining({ id: customer.id, name: customer.name }),
        message: `Closed "${ticket.title}" for ${customer.name}`,
      },
    });
    // A different secret, or a changed body, does not verify.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(got.body, got.headers),
    ).toThrow();
    expect(() => new Webhook(w.secret).verify(got.body.replace('Closed', 'Opened'), got.headers)).toThrow();
  });

  it('go out for customer.deleted too, and the dry run shows the body without sending it', async () => {
    const w = await webhookTo(receiver.url('/customers'));
    const trigger = (
      await createTrigger({
        client: owner.s.client,
        body: {
          name: 'Customer gone',
          event: 'customer.deleted',
          recipient: { kind: 'webhook', webhookId: w.id },
          message: 'Removed {{customer.name}}',
        },
      })
    ).data!;
    const customer = await customerOf(owner);
    const dry = (
      await testTrigger({ client: owner.s.client, path: { id: trigger.id }, body: { customerId: customer.id } })
    ).data!;
    expect(dry).toMatchObject({ fires: true, delivery: { webhookId: w.id } });
    expect(dry.message).toBeUndefined();
    expect(JSON.parse(dry.delivery!.body)).toMatchObject({
      type: 'customer.deleted',
      data: {
        trigger: { id: trigger.id, name: 'Customer gone' },
        customer: { id: customer.id },
        message: `Removed ${customer.name}`,
      },
    });
    expect(await deliveries(w.id)).toHaveLength(0);

    await deleteCustomer({ client: owner.s.client, path: { id: customer.id } });
    const [d] = await settled(w.id, 1, 'succeeded');
    expect(d.event).toBe('customer.deleted');
    const [got] = receiver.of('/customers');
    expect(new Webhook(w.secret).verify(got.body, got.headers)).toMatchObject({
      type: 'customer.deleted',
      data: { customer: { id: customer.id, name: customer.name }, message: `Removed ${customer.name}` },
    });
  });

  it('are not written for an inactive webhook', async () => {
    const w = await webhookTo(receiver.url('/inactive'));
    await updateWebhook({ client: owner.s.client, path: { id: w.id }, body: { active: false, version: 1 } });
    await createTrigger({
      client: owner.s.client,
      body: { name: 'Off', event: 'ticket.closed', recipient: { kind: 'webhook', webhookId: w.id }, message: 'x' },
    });
    const ticket = await ticketBy(owner, await customerOf(owner), owner.user);
    await closeTicket({ client: owner.s.client, path: { id: ticket.id } });
    await eventually('the close to be dispatched', async () => {
      const { rows } = await db.query(
        `select status from outbox_events where name = 'ticket.closed' and payload->'ticket'->>'id' = $1`,
        [ticket.id],
      );
      return rows[0]?.status === 'done';
    });
    expect(await deliveries(w.id)).toHaveLength(0);
    expect(receiver.of('/inactive')).toHaveLength(0);
  });

  it('write exactly one delivery per (trigger, event), however often the handler runs', async () => {
    const w = await webhookTo(receiver.url('/once'));
    await createTrigger({
      client: owner.s.client,
      body: { name: 'Once', event: 'ticket.closed', recipient: { kind: 'webhook', webhookId: w.id }, message: 'x' },
    });
    const ticket = await ticketBy(owner, await customerOf(owner), owner.user);
    await closeTicket({ client: owner.s.client, path: { id: ticket.id } });
    await settled(w.id, 1, 'succeeded');
    const { rows } = await db.query(
      `select id, name, payload, actor_id, occurred_at from outbox_events where name = 'ticket.closed' and payload->'ticket'->>'id' = $1`,
      [ticket.id],
    );
    const event = {
      eventId: rows[0].id,
      name: rows[0].name,
      payload: rows[0].payload,
      actorId: rows[0].actor_id,
      occurredAt: new Date(rows[0].occurred_at).toISOString(),
    };
    const emitter = server.app.get(EventEmitter2);
    // Again through the handler (its key is there), then with the key gone (as after pruning).
    await emitter.emitAsync('ticket.closed', { name: 'ticket.closed', events: [event] });
    await db.query(`delete from processed_events where event_id = $1`, [event.eventId]);
    await emitter.emitAsync('ticket.closed', { name: 'ticket.closed', events: [event, event] });
    await server.app.get(DeliveryWorker).drainNow();
    expect(await deliveries(w.id)).toHaveLength(1);
    expect(receiver.of('/once')).toHaveLength(1);
  });

  it('retry a 500 with the same webhook-id until it succeeds, and count the outcomes', async () => {
    const url = receiver.on('/flaky', (_req, res, count) => res.writeHead(count <= 2 ? 500 : 204).end());
    const w = await webhookTo(url);
    const { deliveryId } = (await testWebhook({ client: owner.s.client, path: { id: w.id } })).data!;
    const [d] = await settled(w.id, 1, 'succeeded');
    expect(d).toMatchObject({ id: deliveryId, event: 'webhook.test', attempts: 3, lastResponseStatus: 204 });
    const got = receiver.of('/flaky');
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([deliveryId]));
    for (const r of got)
      expect(new Webhook(w.secret).verify(r.body, r.headers)).toMatchObject({ type: 'webhook.test' });
    const metrics = await (await fetch(`${server.baseUrl}/api/metrics`)).text();
    const count = (outcome: string) =>
      Number(new RegExp(`bw_webhook_deliveries_total\\{outcome="${outcome}"\\} (\\d+)`).exec(metrics)?.[1] ?? 'NaN');
    expect(count('retried')).toBeGreaterThanOrEqual(2);
    expect(count('delivered')).toBeGreaterThanOrEqual(1);
  });

  it('give up after the retry window, then redeliver on request with the same webhook-id', async () => {
    let up = false;
    const url = receiver.on('/down', (_req, res) => res.writeHead(up ? 200 : 503).end());
    const w = await webhookTo(url);
    const { deliveryId } = (await testWebhook({ client: owner.s.client, path: { id: w.id } })).data!;
    // The window is the config's; shorten this delivery's so it ends now.
    await eventually('a failed attempt', async () => receiver.of('/down').length >= 1);
    await db.query(`update webhook_deliveries set retry_until = now() where id = $1`, [deliveryId]);
    const [failed] = await settled(w.id, 1, 'failed');
    expect(failed).toMatchObject({ lastResponseStatus: 503, lastError: 'answered 503', nextAttemptAt: null });
    const tries = receiver.of('/down').length;

    up = true;
    const res = await redeliverWebhookDelivery({ client: owner.s.client, path: { id: w.id, deliveryId } });
    expect(res.response.status).toBe(202);
    const [done] = await settled(w.id, 1, 'succeeded');
    expect(done).toMatchObject({ id: deliveryId, attempts: tries + 1, lastResponseStatus: 200, lastError: null });
    expect(receiver.of('/down').map((r) => r.headers['webhook-id'])).toEqual(Array(tries + 1).fill(deliveryId));
  });

  it('never follow a redirect', async () => {
    receiver.on('/target', (_req, res) => res.writeHead(200).end());
    const url = receiver.on('/moved', (_req, res) => res.writeHead(302, { location: receiver.url('/target') }).end());
    const w = await webhookTo(url);
    await testWebhook({ client: owner.s.client, path: { id: w.id } });
    await eventually('two attempts', async () => receiver.of('/moved').length >= 2);
    const [d] = await deliveries(w.id);
    expect(d).toMatchObject({ status: 'pending', lastResponseStatus: 302 });
    expect(d.lastError).toContain('redirects are not followed');
    expect(receiver.of('/target')).toHaveLength(0);
  });

  it('read at most 64 KiB of an answer', async () => {
    let written = 0;
    let closed = false;
    const url = receiver.on('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(16 * 1024, 120);
      const pump = () => {
        while (!res.destroyed && written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      res.on('close', () => (closed = true));
      pump();
    });
    const w = await webhookTo(url);
    await testWebhook({ client: owner.s.client, path: { id: w.id } });
    const [d] = await settled(w.id, 1, 'succeeded');
    expect(d).toMatchObject({ attempts: 1, lastResponseStatus: 200 });
    await eventually('the receiver to see its connection closed', async () => closed);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('are sent once each when two instances claim them at the same time', async () => {
    const second = await startTestServer({ ...WORKER, WEBHOOK_POLL_MS: '20' });
    try {
      const w = await webhookTo(receiver.url('/shared'));
      const ids = [];
      for (let i = 0; i < 40; i++)
        ids.push((await testWebhook({ client: owner.s.client, path: { id: w.id } })).data!.deliveryId);
      await settled(w.id, 40, 'succeeded');
      const got = receiver.of('/shared').map((r) => r.headers['webhook-id']);
      expect(got.sort()).toEqual([...ids].sort());
      expect((await deliveries(w.id)).every((d) => d.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('do not let an endpoint that never answers delay the others', async () => {
    const hanging = await webhookTo(receiver.hang('/hang'), 'Dead');
    const healthy = await webhookTo(receiver.url('/healthy'), 'Alive');
    for (let i = 0; i < 6; i++) await testWebhook({ client: owner.s.client, path: { id: hanging.id } });
    // The dead endpoint holds its slots (WEBHOOK_ENDPOINT_CONCURRENCY = 2)…
    await eventually('the dead endpoint to hold its slots', async () => receiver.heldCount === 2);
    for (let i = 0; i < 10; i++) await testWebhook({ client: owner.s.client, path: { id: healthy.id } });
    // …and the other endpoint's deliveries all go through while it still does.
    await settled(healthy.id, 10, 'succeeded');
    expect(receiver.of('/hang').length).toBeLessThanOrEqual(6);
    const dead = await deliveries(hanging.id);
    expect(dead.every((d) => d.status === 'pending')).toBe(true);
    // The attempts that hang end at WEBHOOK_TIMEOUT_MS and are retried.
    await eventually('a timed-out attempt', async () =>
      (await deliveries(hanging.id)).some((d) => d.lastError === `no answer within ${TIMEOUT_MS} ms`),
    );
    receiver.release();
  });
});
