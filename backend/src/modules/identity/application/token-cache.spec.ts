import type { DatabasePools } from '../../../platform/database/pools';
import { TOKEN_CACHE_MS, TokenCache } from './token-cache';

/** A cache whose revocation listener is (or is not) connected, without a database. */
function cache(listening: boolean): TokenCache {
  return Object.assign(new TokenCache({} as DatabasePools), { listening });
}

describe('TokenCache', () => {
  it('trusts nothing while the revocation listener is down', () => {
    const c = cache(false);
    c.set('h1', 'user-1', 'token-1', 0);
    expect(c.get('h1', 1)).toBeUndefined();
  });

  it('serves an entry until it is TOKEN_CACHE_MS old', () => {
    const c = cache(true);
    c.set('h1', 'user-1', 'token-1', 1000);
    expect(c.get('h1', 1000 + TOKEN_CACHE_MS - 1)?.userId).toBe('user-1');
    expect(c.get('h1', 1000 + TOKEN_CACHE_MS)).toBeUndefined();
  });

  it('evicts a revoked token by its id, and nothing else', () => {
    const c = cache(true);
    c.set('h1', 'user-1', 'token-1', 0);
    c.set('h2', 'user-1', 'token-2', 0);
    c.evict('token-1');
    expect(c.get('h1', 1)).toBeUndefined();
    expect(c.get('h2', 1)?.tokenId).toBe('token-2');
  });
});
