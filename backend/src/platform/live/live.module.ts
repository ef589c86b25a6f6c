import { Global, Module } from '@nestjs/common';
import { EventLog } from './event-log';
import { EventsController } from './events.controller';
import { LiveHub } from './live-hub.service';
import { LiveViews } from './live-views';
import { Presence } from './presence.service';

/** Live streams of the event log (`GET /api/events`) and presence; modules register what their events show (LiveViews). */
@Global()
@Module({
  controllers: [EventsController],
  providers: [LiveHub, LiveViews, Presence, EventLog],
  exports: [LiveHub, LiveViews, Presence, EventLog],
})
export class LiveModule {}
