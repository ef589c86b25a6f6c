import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkedLookup, OutboundClient } from './outbound';

describe('OutboundClient', () => {
  let server: Server;
  let requests = 0;
  let port = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests += 1;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (client: OutboundClient, url: string) => client.post({ url, body: '{}', headers: {}, timeoutMs: 2000 });

  it('checks the addresses at connect time: a host that resolves to loopback is never connected to', async () => {
    const client = new OutboundClient({ allowHttp: true, allowPrivate: false });
    const before = requests;
    const answer = await post(client, `http://localhost:${port}/x`);
    expect(answer.status).toBeNull();
    expect(answer.error).toMatch(/refused: .* is a loopback address/);
    expect((await post(client, `http://127.0.0.1:${port}/x`)).error).toBe('refused: 127.0.0.1 is a loopback address');
    expect((await post(client, `http://[::ffff:127.0.0.1]:${port}/x`)).error).toMatch(/^refused: /);
    expect(requests).toBe(before);
    client.close();
  });

  it('connects when private targets are allowed, and never to a scheme it does not allow', async () => {
    const open = new OutboundClient({ allowHttp: true, allowPrivate: true });
    expect(await post(open, `http://localhost:${port}/x`)).toEqual({ status: 200, error: null });
    open.close();
    const httpsOnly = new OutboundClient({ allowHttp: false, allowPrivate: true });
    expect((await post(httpsOnly, `http://127.0.0.1:${port}/x`)).error).toBe('url must be an https URL');
    httpsOnly.close();
  });

  it("the sockets' lookup refuses a name unless every address it resolves to is allowed", async () => {
    const lookup = checkedLookup(false);
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (e) => resolve(e)));
    expect(error?.message).toMatch(/^refused: /);
  });
});
