import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_KEYS, ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const base = { DATABASE_URL: 'postgres://localhost/db', SESSION_SECRET: 'x'.repeat(43) };

  it('applies defaults and converts numbers and booleans', () => {
    const config = loadConfig({ ...base, PORT: '8080', COOKIE_SECURE: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.COOKIE_SECURE).toBe(true);
    expect(config.LOGIN_MAX_FAILURES_PER_ACCOUNT).toBe(5);
  });

  it('reads the password-hash queue and the session pool sizes, and refuses values out of range', () => {
    const defaults = loadConfig(base);
    expect([
      defaults.PASSWORD_HASH_CONCURRENCY,
      defaults.PASSWORD_HASH_QUEUE_MAX,
      defaults.SESSION_POOL_MAX,
      defaults.SESSION_POOL_CONNECT_TIMEOUT_MS,
    ]).toEqual([2, 32, 5, 3000]);
    const set = loadConfig({
      ...base,
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASH_QUEUE_MAX: '0',
      SESSION_POOL_MAX: '12',
      SESSION_POOL_CONNECT_TIMEOUT_MS: '250',
    });
    expect([
      set.PASSWORD_HASH_CONCURRENCY,
      set.PASSWORD_HASH_QUEUE_MAX,
      set.SESSION_POOL_MAX,
      set.SESSION_POOL_CONNECT_TIMEOUT_MS,
    ]).toEqual([1, 0, 12, 250]);
    expect(() =>
      loadConfig({
        ...base,
        PASSWORD_HASH_CONCURRENCY: '0',
        SESSION_POOL_MAX: '0',
        SESSION_POOL_CONNECT_TIMEOUT_MS: 'soon',
      }),
    ).toThrow(/PASSWORD_HASH_CONCURRENCY[\s\S]*SESSION_POOL_MAX[\s\S]*SESSION_POOL_CONNECT_TIMEOUT_MS/);
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty' });
    } catch (error) {
      expect((error as Error).message).toMatch(/DATABASE_URL/);
      expect((error as Error).message).toMatch(/PORT/);
    }
  });

  it('reads the rate limit and the CORS origins, and refuses origins it cannot read', () => {
    const defaults = loadConfig(base);
    expect([defaults.API_RATE_LIMIT_PER_MINUTE, defaults.corsOrigins, defaults.IDEMPOTENCY_POOL_MAX]).toEqual([
      3000,
      [],
      4,
    ]);
    const set = loadConfig({
      ...base,
      API_RATE_LIMIT_PER_MINUTE: '0',
      CORS_ORIGINS: 'https://app.example.com, http://localhost:4200',
    });
    expect([set.API_RATE_LIMIT_PER_MINUTE, set.corsOrigins]).toEqual([
      0,
      ['https://app.example.com', 'http://localhost:4200'],
    ]);
    expect(() => loadConfig({ ...base, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ ...base, CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ ...base, API_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
  });

  it('reads METRICS_TOKEN when set, and refuses a short one or one with spaces', () => {
    expect(loadConfig(base).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ ...base, METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    const token = 'm'.repeat(32);
    expect(loadConfig({ ...base, METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'm'.repeat(31) })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ...base, METRICS_TOKEN: `${token} x` })).toThrow(/METRICS_TOKEN/);
  });

  it('reads BODY_LIMIT as bytes and refuses a size it cannot read', () => {
    expect(loadConfig(base).bodyLimitBytes).toBe(100 * 1024);
    expect(loadConfig({ ...base, BODY_LIMIT: '1mb' }).bodyLimitBytes).toBe(1024 * 1024);
    expect(loadConfig({ ...base, BODY_LIMIT: '2048' }).bodyLimitBytes).toBe(2048);
    expect(loadConfig({ ...base, BODY_LIMIT: '1.5KB' }).bodyLimitBytes).toBe(1536);
    expect(() => loadConfig({ ...base, BODY_LIMIT: 'lots' })).toThrow(/BODY_LIMIT/);
  });

  it('requires a real SESSION_SECRET in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', SESSION_SECRET: undefined })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', SESSION_SECRET: 'too short' })).toThrow(/at least 32/);
    expect(loadConfig({ ...base, NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) }).isProduction).toBe(true);
  });

  it('has no built-in SESSION_SECRET: development and test need one too (main.ts supplies it)', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      for (const SESSION_SECRET of [undefined, '']) {
        expect(() => loadConfig({ ...base, NODE_ENV, SESSION_SECRET })).toThrow(/SESSION_SECRET is required/);
      }
    }
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).SESSION_SECRET).toBe(base.SESSION_SECRET);
  });

  it('reads every variable it declares (DB_CONNECT_TIMEOUT_MS was once declared and never read)', () => {
    expect(loadConfig({ ...base, DB_CONNECT_TIMEOUT_MS: '1234' }).DB_CONNECT_TIMEOUT_MS).toBe(1234);
    expect(loadConfig({ ...base, LIVE_POLL_MS: '250' }).LIVE_POLL_MS).toBe(250);
  });

  it("has exactly the variables of the README's configuration table", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8').split('\n');
    const header = readme.findIndex((line) => /^\| Variable +\| Default/.test(line));
    const end = readme.findIndex((line, i) => i > header && !line.startsWith('|'));
    const documented = readme
      .slice(header + 2, end)
      .map((line) => /^\| `([A-Z_0-9]+)`/.exec(line)?.[1])
      // API_HEAP_MB is tools/start.mjs's (the V8 flag it starts the API with), not the API's.
      .filter((name): name is string => name !== undefined && name !== 'API_HEAP_MB');
    expect([...documented].sort()).toEqual([...CONFIG_KEYS].sort());
  });
});
