import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { ActionEndpoint, GetEndpoint } from '../../../platform/http/endpoint.decorator';
import { IdParam } from '../../../platform/http/id.pipe';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { MessagesService } from '../application/messages.service';
import { ListMessagesQueryDto } from './dto/trigger.dto';
import { MessageDto, MessagePageDto, UnreadCountDto } from './dto/messaging.response.dto';
import { MessageViews } from './messaging.mapper';
import { IntersectionType } from '@nestjs/swagger';

class ListMessagesDto extends IntersectionType(PageQueryDto, ListMessagesQueryDto) {}

@ApiTags('messages')
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly views: MessageViews,
  ) {}

  @GetEndpoint('', {
    summary: "Messages received (inbox) or sent by the caller's triggers (sent), newest first",
    description: '`box=inbox` (default) or `sent`; keyset-paged with `limit` and `cursor`.',
    returns: MessagePageDto,
    problems: [400, 401],
  })
  async listMessages(@CurrentActor() actor: Actor, @Query() query: ListMessagesDto): Promise<MessagePageDto> {
    const page = await this.messages.list(actor.userId, query);
    return { items: await this.views.many(page.items), nextCursor: page.nextCursor };
  }

  @GetEndpoint('unread-count', {
    summary: 'How many inbox messages are unread',
    description: "A count of the caller's inbox messages without `readAt`.",
    returns: UnreadCountDto,
    problems: [401],
  })
  async countUnreadMessages(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { count: await this.messages.unreadCount(actor.userId) };
  }

  @ActionEndpoint(':id/read', {
    summary: 'Mark a message read (receiver only)',
    description:
      'Sets `readAt` once (marking it again keeps the first time). The sender gets `403`, anyone else `404`. Takes no body.',
    returns: MessageDto,
    problems: [401, 403, 404],
  })
  async markMessageRead(@CurrentActor() actor: Actor, @IdParam('id', 'Message') id: string): Promise<MessageDto> {
    return (await this.views.many([await this.messages.markRead(actor.userId, id)]))[0];
  }
}
