import { Module } from '@nestjs/common';
import { IdempotencyKeyStore } from './idempotency/idempotency-key.store';

/** The state behind the HTTP conventions (registerHttpConventions): the Idempotency-Key store. */
@Module({ providers: [IdempotencyKeyStore], exports: [IdempotencyKeyStore] })
export class HttpConventionsModule {}
