import { Message } from './domain/message.entity';
import { Trigger } from './domain/trigger.entity';

export { MessagingModule } from './messaging.module';

/** The entities this module owns, for the ORM's root configuration. */
export const MESSAGING_ENTITIES = [Trigger, Message];
