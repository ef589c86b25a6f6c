import {
  assertMayReadMetrics,
  isLoopbackAddress,
  MetricsLoopbackOnlyError,
  MetricsTokenRequiredError,
} from './metrics-access';

const TOKEN = 'a'.repeat(16) + 'B'.repeat(16);
const from = (remoteAddress: string | undefined, headers: Record<string, string> = {}) => ({ remoteAddress, headers });

describe('isLoopbackAddress', () => {
  it('knows 127.0.0.0/8 and ::1, also IPv4-mapped, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect([address, isLoopbackAddress(address)]).toEqual([address, true]);
    for (const address of [
      undefined,
      '',
      '10.0.0.1',
      '::ffff:10.0.0.1',
      '::2',
      '1127.0.0.1',
      '127.0.0.1.nip.io',
      'fe80::1',
    ])
      expect([address, isLoopbackAddress(address)]).toEqual([address, false]);
  });
});

describe('assertMayReadMetrics', () => {
  it('lets a loopback caller in without credentials, unless a proxy forwarded it', () => {
    expect(() => assertMayReadMetrics(from('127.0.0.1'), undefined)).not.toThrow();
    expect(() => assertMayReadMetrics(from('::1', { authorization: 'Bearer nonsense' }), TOKEN)).not.toThrow();
    expect(() => assertMayReadMetrics(from('127.0.0.1', { 'x-forwarded-for': '10.0.0.1' }), TOKEN)).toThrow(
      MetricsTokenRequiredError,
    );
  });

  it('asks anyone else for the token, compared whole (scheme in any case)', () => {
    expect(() => assertMayReadMetrics(from('10.0.0.1', { authorization: `Bearer ${TOKEN}` }), TOKEN)).not.toThrow();
    expect(() => assertMayReadMetrics(from('10.0.0.1', { authorization: `bearer ${TOKEN} ` }), TOKEN)).not.toThrow();
    for (const authorization of [
      undefined,
      '',
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN.slice(1)}`,
      `Bearer ${TOKEN}x`,
    ])
      expect(() =>
        assertMayReadMetrics(from('10.0.0.1', authorization === undefined ? {} : { authorization }), TOKEN),
      ).toThrow(MetricsTokenRequiredError);
  });

  it('without a token configured, refuses every other caller with a 404', () => {
    expect(() => assertMayReadMetrics(from('10.0.0.1', { authorization: `Bearer ${TOKEN}` }), undefined)).toThrow(
      MetricsLoopbackOnlyError,
    );
    expect(new MetricsLoopbackOnlyError()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(new MetricsTokenRequiredError()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
