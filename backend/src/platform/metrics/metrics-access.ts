import { createHash, timingSafeEqual } from 'node:crypto';
import { domainError } from '../errors/domain-error';

/** A remote caller without a valid METRICS_TOKEN, when one is configured: 401 (with `WWW-Authenticate: Bearer`). */
export class MetricsTokenRequiredError extends domainError(
  'UNAUTHENTICATED',
  401,
  'Send METRICS_TOKEN as a Bearer token to read the metrics from another host',
) {}

/** A remote caller while no METRICS_TOKEN is configured: the metrics exist for loopback only, 404. */
export class MetricsLoopbackOnlyError extends domainError(
  'NOT_FOUND',
  404,
  'The metrics are served to loopback callers only; set METRICS_TOKEN to read them from another host',
) {}

/** Headers a proxy adds: a request that carries one came through a proxy, wherever its socket is. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses (a dual-stack socket reports `::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export interface MetricsRequest {
  /** The TCP peer (the socket's address, never X-Forwarded-For, which a caller can write). */
  remoteAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Who may read `GET /api/metrics`: a caller on this host needs nothing (a request that carries a
 * proxy's forwarding header is not one, even from a proxy on this host); any other needs
 * `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. Throws the problem to answer.
 */
export function assertMayReadMetrics(req: MetricsRequest, metricsToken: string | undefined): void {
  const proxied = PROXY_HEADERS.some((name) => req.headers[name] !== undefined);
  if (isLoopbackAddress(req.remoteAddress) && !proxied) return;
  if (metricsToken === undefined) throw new MetricsLoopbackOnlyError();
  const authorization = req.headers['authorization'];
  const given = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
  if (given === undefined || !sameSecret(given, metricsToken)) throw new MetricsTokenRequiredError();
}

/** Equal strings, in time that depends on neither (both are hashed to the same length first). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
