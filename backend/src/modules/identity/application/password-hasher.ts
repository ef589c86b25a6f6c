import { Injectable } from '@nestjs/common';
import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { BoundedQueue, QueueFullError } from '../../../platform/batching/bounded-queue';
import { PasswordHashingBusyError } from '../domain/identity.errors';

/** OWASP's scrypt parameters: N=2^17, r=8, p=1 (about 128 MiB and a few hundred ms per hash). */
const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function scryptAsync(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes as `scrypt$<logN>$<r>$<p>$<salt b64>$<key b64>`, so parameters can be raised later
 * without breaking stored hashes.
 *
 * Every scrypt runs through one bounded queue: at most PASSWORD_HASH_CONCURRENCY at once (each
 * holds a thread of libuv's pool, which the session store's sockets, DNS and fs share), at most
 * PASSWORD_HASH_QUEUE_MAX waiting. Beyond that a hash is refused at once with
 * PasswordHashingBusyError (503 + Retry-After), before the caller has written anything.
 */
@Injectable()
export class PasswordHasher {
  /** The hashing slots (public so that operators' probes and tests can see or occupy them). */
  readonly queue: BoundedQueue;

  constructor(config: AppConfig) {
    this.queue = new BoundedQueue({
      concurrency: config.PASSWORD_HASH_CONCURRENCY,
      maxWaiting: config.PASSWORD_HASH_QUEUE_MAX,
    });
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await this.scrypt(password, salt, LOG_N, R, P);
    return ['scrypt', LOG_N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [, logN, r, p, salt, key] = parts;
    const expected = Buffer.from(key, 'base64');
    const actual = await this.scrypt(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** Spends the same time as a real verification, so unknown emails cannot be told apart by timing. */
  async verifyAgainstNothing(password: string): Promise<false> {
    await this.scrypt(password, randomBytes(SALT_LENGTH), LOG_N, R, P);
    return false;
  }

  private async scrypt(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
    try {
      return await this.queue.run(() => scryptAsync(password, salt, logN, r, p));
    } catch (error) {
      if (error instanceof QueueFullError) throw new PasswordHashingBusyError();
      throw error;
    }
  }
}
