import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file, in the git-ignored data folder, that keeps a development instance's session secret. */
export const DEV_SECRET_FILE = 'session-secret';
const MIN_LENGTH = 32;

/**
 * The session secret of an instance that was given none: read from `<dataDir>/session-secret`,
 * or created there on first start (32 random bytes, base64url, mode 0600). The file appears
 * atomically with its content (written under a private name, then hard-linked into place, which
 * fails if it exists), so instances starting together agree on one secret and none reads a half
 * written file.
 */
export function readOrCreateDevSecret(dataDir: string): string {
  const file = path.join(dataDir, DEV_SECRET_FILE);
  const existing = readSecret(file);
  if (existing !== undefined) return existing;
  mkdirSync(dataDir, { recursive: true });
  const draft = path.join(dataDir, `.${DEV_SECRET_FILE}.${process.pid}.${randomBytes(6).toString('hex')}`);
  writeFileSync(draft, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const secret = readSecret(file);
  if (secret === undefined) throw new Error(`${file} vanished while it was being created`);
  return secret;
}

/**
 * The environment to configure the app from: unchanged in production or when SESSION_SECRET is
 * set; otherwise with the persisted development secret (so a dev instance reachable on a LAN
 * signs with a secret nobody else knows, and its sessions survive restarts).
 */
export function withDevSessionSecret(env: NodeJS.ProcessEnv, dataDir: string): NodeJS.ProcessEnv {
  if (env['NODE_ENV'] === 'production' || (env['SESSION_SECRET'] ?? '') !== '') return env;
  return { ...env, SESSION_SECRET: readOrCreateDevSecret(dataDir) };
}

function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < MIN_LENGTH)
    throw new Error(
      `${file} holds no usable session secret (under ${MIN_LENGTH} characters): delete it to generate a new one`,
    );
  return secret;
}
