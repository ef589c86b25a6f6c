import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  TICKET_PRIORITIES,
  TICKET_TOPICS,
  TICKET_TYPES,
  TicketPriority,
  TicketTopic,
  TicketType,
} from '../../../tickets';
import { RECIPIENT_KINDS, RecipientKind, TRIGGER_EVENTS, TriggerEvent } from '../../domain/trigger.entity';

export class TriggerConditionsDto {
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(TICKET_PRIORITIES, { each: true, message: `priority values must be among ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority[];

  @ApiPropertyOptional({ enum: TICKET_TYPES, enumName: 'TicketType', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(TICKET_TYPES, { each: true, message: `type values must be among ${TICKET_TYPES.join(', ')}` })
  type?: TicketType[];

  @ApiPropertyOptional({ enum: TICKET_TOPICS, enumName: 'TicketTopic', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(TICKET_TOPICS, { each: true, message: `topic values must be among ${TICKET_TOPICS.join(', ')}` })
  topic?: TicketTopic[];
}

export class TriggerRecipientDto {
  @ApiProperty({ enum: RECIPIENT_KINDS, enumName: 'RecipientKind' })
  @IsIn(RECIPIENT_KINDS, { message: `kind must be one of ${RECIPIENT_KINDS.join(', ')}` })
  kind!: RecipientKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required with kind "user", refused with the others' })
  @ValidateIf((o: TriggerRecipientDto) => o.kind === 'user' || o.userId !== undefined)
  @IsUUID('all', { message: 'userId must be the id of a user' })
  userId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required with kind "webhook" (one of your webhooks), refused with the others',
  })
  @ValidateIf((o: TriggerRecipientDto) => o.kind === 'webhook' || o.webhookId !== undefined)
  @IsUUID('all', { message: 'webhookId must be the id of one of your webhooks' })
  webhookId?: string;
}

export class CreateTriggerDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Tell the assignee when I close a ticket' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ enum: TRIGGER_EVENTS, enumName: 'TriggerEvent' })
  @IsIn(TRIGGER_EVENTS, { message: `event must be one of ${TRIGGER_EVENTS.join(', ')}` })
  event!: TriggerEvent;

  @ApiPropertyOptional({
    type: TriggerConditionsDto,
    description: 'Ticket events only; every condition given must match',
    example: { priority: ['high', 'urgent'] },
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TriggerConditionsDto)
  conditions?: TriggerConditionsDto;

  @ApiProperty({ type: TriggerRecipientDto, example: { kind: 'ticket_assignee' } })
  @IsObject()
  @ValidateNested()
  @Type(() => TriggerRecipientDto)
  recipient!: TriggerRecipientDto;

  @ApiProperty({
    minLength: 1,
    maxLength: 5000,
    description: 'Template text with placeholders',
    example: 'Closed "{{ticket.title}}" for {{customer.name}}.',
  })
  @IsString()
  @Length(1, 5000, { message: 'message must be 1 to 5000 characters' })
  message!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateTriggerDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @ValidateIf((o: UpdateTriggerDto) => o.name !== undefined)
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @ApiPropertyOptional({ enum: TRIGGER_EVENTS, enumName: 'TriggerEvent' })
  @ValidateIf((o: UpdateTriggerDto) => o.event !== undefined)
  @IsIn(TRIGGER_EVENTS, { message: `event must be one of ${TRIGGER_EVENTS.join(', ')}` })
  event?: TriggerEvent;

  @ApiPropertyOptional({ type: TriggerConditionsDto })
  @ValidateIf((o: UpdateTriggerDto) => o.conditions !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => TriggerConditionsDto)
  conditions?: TriggerConditionsDto;

  @ApiPropertyOptional({ type: TriggerRecipientDto })
  @ValidateIf((o: UpdateTriggerDto) => o.recipient !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => TriggerRecipientDto)
  recipient?: TriggerRecipientDto;

  @ApiPropertyOptional({ minLength: 1, maxLength: 5000 })
  @ValidateIf((o: UpdateTriggerDto) => o.message !== undefined)
  @IsString()
  @Length(1, 5000, { message: 'message must be 1 to 5000 characters' })
  message?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: UpdateTriggerDto) => o.active !== undefined)
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'The version the client read', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

export class TestTriggerDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'For ticket events: one of your tickets' })
  @IsOptional()
  @IsUUID('all', { message: 'ticketId must be the id of one of your tickets' })
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For customer.deleted: one of your customers' })
  @IsOptional()
  @IsUUID('all', { message: 'customerId must be the id of one of your customers' })
  customerId?: string;
}

export class ListMessagesQueryDto {
  @ApiPropertyOptional({ enum: ['inbox', 'sent'], enumName: 'MessageBox', default: 'inbox' })
  @IsOptional()
  @IsIn(['inbox', 'sent'], { message: 'box must be one of inbox, sent' })
  box?: 'inbox' | 'sent';
}
