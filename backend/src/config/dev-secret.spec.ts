import fs, { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEV_SECRET_FILE, readOrCreateDevSecret, withDevSessionSecret } from './dev-secret';

describe('the development session secret', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'bw-dev-secret-')), 'data');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });
  const file = () => path.join(dir, DEV_SECRET_FILE);

  it('is generated once (32 random bytes, base64url) in a file only the owner can read, then reused', () => {
    const first = readOrCreateDevSecret(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(readOrCreateDevSecret(dir)).toBe(first);
    expect(readFileSync(file(), 'utf8').trim()).toBe(first);
    expect(readdirSync(dir)).toEqual([DEV_SECRET_FILE]); // no draft left behind
  });

  it('differs between data folders (nothing is built in)', () => {
    const other = path.join(path.dirname(dir), 'other');
    expect(readOrCreateDevSecret(dir)).not.toBe(readOrCreateDevSecret(other));
  });

  it('adopts the secret of an instance that created the file first, when both start together', () => {
    const winner = 'w'.repeat(43);
    const link = fs.linkSync;
    jest.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      writeFileSync(to, `${winner}\n`, { flag: 'wx', mode: 0o600 }); // the other instance got there first
      link(from, to);
    });
    expect(readOrCreateDevSecret(dir)).toBe(winner);
    expect(readdirSync(dir)).toEqual([DEV_SECRET_FILE]);
  });

  it('refuses a file that holds no usable secret, rather than signing with it', () => {
    fs.mkdirSync(dir, { recursive: true });
    writeFileSync(file(), 'short\n');
    expect(() => readOrCreateDevSecret(dir)).toThrow(/delete it/);
  });

  it('fills in SESSION_SECRET outside production when it is unset or empty', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      for (const SESSION_SECRET of [undefined, '']) {
        const env = withDevSessionSecret({ NODE_ENV, SESSION_SECRET }, dir);
        expect(env['SESSION_SECRET']).toBe(readFileSync(file(), 'utf8').trim());
      }
    }
  });

  it('leaves a given SESSION_SECRET and production alone, and writes nothing then', () => {
    const given = { NODE_ENV: 'development', SESSION_SECRET: 's'.repeat(40) };
    expect(withDevSessionSecret(given, dir)).toBe(given);
    const production = { NODE_ENV: 'production' };
    expect(withDevSessionSecret(production, dir)).toBe(production);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
