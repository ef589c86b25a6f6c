import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserRefDto } from '../../../tickets';
import { RECIPIENT_KINDS, RecipientKind, TRIGGER_EVENTS, TriggerEvent } from '../../domain/trigger.entity';
import { TriggerConditionsDto } from './trigger.dto';

export class TriggerRecipientViewDto {
  @ApiProperty({ enum: RECIPIENT_KINDS, enumName: 'RecipientKind' }) kind!: RecipientKind;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) userId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) webhookId?: string;
}

export class TriggerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TRIGGER_EVENTS, enumName: 'TriggerEvent' }) event!: TriggerEvent;
  @ApiProperty({ type: TriggerConditionsDto }) conditions!: TriggerConditionsDto;
  @ApiProperty({ type: TriggerRecipientViewDto }) recipient!: TriggerRecipientViewDto;
  @ApiProperty() message!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TriggerPageDto {
  @ApiProperty({ type: [TriggerDto] }) items!: TriggerDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class TriggerTestMessageDto {
  @ApiProperty({ type: UserRefDto }) receiver!: UserRefDto;
  @ApiProperty() body!: string;
}

export class TriggerTestDeliveryDto {
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty({
    description:
      'The JSON body the webhook would be sent: `{type, timestamp, data: {trigger, ticket?, customer?, message}}`',
  })
  body!: string;
}

export class TriggerTestResultDto {
  @ApiProperty() fires!: boolean;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiPropertyOptional({ type: TriggerTestMessageDto, description: 'For a recipient that is a user' })
  message?: TriggerTestMessageDto;
  @ApiPropertyOptional({ type: TriggerTestDeliveryDto, description: 'For a webhook recipient: what it would be sent' })
  delivery?: TriggerTestDeliveryDto;
}

export class MessageDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: UserRefDto }) sender!: UserRefDto;
  @ApiProperty({ type: UserRefDto }) receiver!: UserRefDto;
  @ApiProperty() body!: string;
  @ApiProperty() triggerId!: string;
  @ApiProperty() event!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) ticketId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) customerId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto] }) items!: MessageDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class UnreadCountDto {
  @ApiProperty() count!: number;
}
