import { Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { IdempotentHandlers } from './idempotency.service';
import { OutboxBacklog } from './outbox-backlog';
import { OutboxCommitListener } from './outbox-commit.listener';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { Outbox } from './outbox.service';

/** The durable event backbone: publish into the outbox, dispatch to @OnEvent handlers, run handlers once. */
@Global()
@Module({
  imports: [EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false })],
  providers: [Outbox, OutboxDispatcher, IdempotentHandlers, OutboxCommitListener, OutboxBacklog],
  exports: [Outbox, OutboxDispatcher, IdempotentHandlers, OutboxBacklog],
})
export class OutboxModule {}
