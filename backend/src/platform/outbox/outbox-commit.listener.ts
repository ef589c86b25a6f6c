import { EntityManager, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { PUBLISHED_IN } from './outbox.service';

/**
 * Hears every committed (or rolled back) root transaction of the ORM; when the unit of work had
 * published events, tells the dispatcher so delivery starts at once instead of at the next poll.
 */
@Injectable()
export class OutboxCommitListener implements EventSubscriber, OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onModuleInit(): void {
    this.em.getEventManager().registerSubscriber(this);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    if (PUBLISHED_IN.delete(args.em)) this.dispatcher.signalCommitted();
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    PUBLISHED_IN.delete(args.em);
  }
}
