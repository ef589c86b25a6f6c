import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { refusedAddress } from '../domain/address-policy';

/** Bytes of an answer read at most; the rest is never read (the connection is closed). */
export const RESPONSE_CAP_BYTES = 64 * 1024;

export interface OutboundPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
}

/** Why a URL may not be a webhook's (the scheme, credentials, no host), or undefined. */
export function urlProblem(raw: string, policy: OutboundPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    return policy.allowHttp ? 'url must be an http or https URL' : 'url must be an https URL';
  if (url.username || url.password) return 'url must not carry a user name or password';
  if (!url.hostname) return 'url must name a host';
  return undefined;
}

/** The URL's host as DNS and isIP read it (IPv6 literals without their brackets). */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Every address `host` resolves to (a literal is itself). */
export function resolveAll(host: string): Promise<LookupAddress[]> {
  if (isIP(host)) return Promise.resolve([{ address: host, family: isIP(host) }]);
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

/** The first refused address among those `host` resolves to, as a message; undefined when all may be called. */
export async function hostProblem(host: string, allowPrivate: boolean): Promise<string | undefined> {
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch (error) {
    return `the host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (addresses.length === 0) return `the host ${host} does not resolve`;
  for (const { address } of addresses) {
    const refused = refusedAddress(address, allowPrivate);
    if (refused) return `the host ${host} resolves to a refused address: ${refused}`;
  }
  return undefined;
}

/**
 * The `lookup` the sockets use: resolves the host itself and refuses the connection unless every
 * address is allowed, then connects to one of the checked addresses. The check and the connect
 * use the same answer, so a DNS answer that changes between them (rebinding) cannot slip through.
 */
export function checkedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolveAll(hostname).then(
      (addresses) => {
        const refused = addresses.map((a) => refusedAddress(a.address, allowPrivate)).find((r) => r);
        if (addresses.length === 0 || refused) {
          const error = Object.assign(new Error(`refused: ${refused ?? `${hostname} does not resolve`}`), {
            code: 'EADDRREFUSED_BY_POLICY',
          });
          return callback(error);
        }
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(error),
    );
  }) as LookupFunction;
}

export interface OutboundAnswer {
  status: number | null;
  error: string | null;
}

export interface OutboundRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/**
 * POSTs webhook deliveries: never follows a redirect (a 3xx is a failed attempt), reads at most
 * RESPONSE_CAP_BYTES of an answer, gives up after `timeoutMs` in all (connect, send, answer), and
 * connects only to addresses the policy allows, checked at connect time (checkedLookup; an IP
 * literal is checked before the request, since sockets do not look literals up). Keep-alive
 * agents of its own reuse connections per endpoint.
 */
export class OutboundClient {
  private readonly lookup: LookupFunction;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });

  constructor(private readonly policy: OutboundPolicy) {
    this.lookup = checkedLookup(policy.allowPrivate);
  }

  async post(request: OutboundRequest): Promise<OutboundAnswer> {
    const problem = urlProblem(request.url, this.policy);
    if (problem) return { status: null, error: problem };
    const url = new URL(request.url);
    const host = hostOf(url);
    if (isIP(host)) {
      const refused = refusedAddress(host, this.policy.allowPrivate);
      if (refused) return { status: null, error: `refused: ${refused}` };
    }
    const secure = url.protocol === 'https:';
    return new Promise<OutboundAnswer>((resolve) => {
      let settled = false;
      const finish = (answer: OutboundAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
      };
      const req = (secure ? https : http).request(
        url,
        {
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          lookup: this.lookup,
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(request.body)),
            'user-agent': 'BalancedWorkspace-Webhooks/1',
            ...request.headers,
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > RESPONSE_CAP_BYTES) {
              // Enough: the status is known and nothing more of the answer matters.
              res.destroy();
              finish(outcome(status, res.headers.location));
            }
          });
          res.on('end', () => finish(outcome(status, res.headers.location)));
          res.on('error', () => finish(outcome(status, res.headers.location)));
          res.on('close', () => finish(outcome(status, res.headers.location)));
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        finish({ status: null, error: `no answer within ${request.timeoutMs} ms` });
      }, request.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish({ status: null, error: error.message || error.code || 'network error' }),
      );
      req.end(request.body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function outcome(status: number, location: string | undefined): OutboundAnswer {
  if (status >= 200 && status < 300) return { status, error: null };
  if (status >= 300 && status < 400)
    return {
      status,
      error: `answered ${status}; redirects are not followed${location ? ` (to ${location.slice(0, 200)})` : ''}`,
    };
  return { status, error: `answered ${status}` };
}
