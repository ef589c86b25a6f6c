import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { ApiProblems } from '../http/api-problems.decorator';
import { Metrics } from '../metrics/metrics.service';
import { LiveHub } from './live-hub.service';
import { Presence } from './presence.service';

const DESCRIPTION = [
  'A `text/event-stream` of every change the caller may see, as it commits on any instance: the tickets the caller created or is assigned (`ticket.created`, `ticket.updated`, `ticket.closed`, `ticket.reopened`, `ticket.deleted`, `ticket.overdue`, `comment.created`), the messages it sent or received (`message.created`, `message.read`), and `presence` on those tickets.',
  'Each logged event has an `id` (`<transaction>-<sequence>`), an `event` name and JSON `data` `{ticketId?, ticket?, comment?, message?, actor: {id, username}|null, at}`; `ticket` is the ticket right after that change, in the shape of `GET /api/tickets/{id}` (an assignee who lost the ticket gets one `ticket.updated` with only `ticketId`, and nothing after it). `presence` has no id and is not replayed: `{ticketId, user: {id, username}, state}`.',
  'Reconnect with `Last-Event-ID` to get every later event exactly once, in log order, for 24 hours; an unknown or older id gets one `event: reset` first (reload everything), and so does a client too slow to read its stream (the stream then ends). A comment line comes at least every 15 s.',
].join('\n\n');

@ApiTags('live')
@Controller('events')
export class EventsController {
  constructor(
    private readonly hub: LiveHub,
    private readonly presence: Presence,
    private readonly metrics: Metrics,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Live events (Server-Sent Events)', description: DESCRIPTION })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The `id` of the last event received: resume after it',
  })
  @ApiOkResponse({
    description: 'The stream (it stays open)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems(401, 429)
  async streamEvents(
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('last-event-id') lastEventId?: string,
  ): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 1000\n\n');
    req.raw.socket.setKeepAlive(true);
    raw.once('close', this.metrics.streamOpened());
    try {
      const stream = await this.hub.open(actor.userId, raw, lastEventId?.trim() || undefined);
      for (const data of this.presence.currentFor(actor.userId)) stream.unlogged('presence', data);
    } catch {
      // The log could not be read (the database is away): the stream ends, and the client's
      // reconnect resumes from the same Last-Event-ID.
      raw.end();
    }
  }
}
