import { ApiProperty } from '@nestjs/swagger';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TOPICS,
  TICKET_TYPES,
  TicketPriority,
  TicketStatus,
  TicketTopic,
  TicketType,
} from '../../domain/ticket.enums';

export class UserRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
}

export class TicketCustomerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'The customer was deleted; name and email are as they were' }) deleted!: boolean;
}

export class TicketDto {
  @ApiProperty() id!: string;
  @ApiProperty({
    description:
      'The ticket number (`#1042`): a positive integer, unique, increasing in creation order. `0` only in live events written before numbers existed.',
    minimum: 0,
    example: 1042,
  })
  number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: TICKET_TYPES, enumName: 'TicketType' }) type!: TicketType;
  @ApiProperty({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' }) priority!: TicketPriority;
  @ApiProperty({ enum: TICKET_TOPICS, enumName: 'TicketTopic' }) topic!: TicketTopic;
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' }) status!: TicketStatus;
  @ApiProperty({ type: String, nullable: true }) photoUrl!: string | null;
  @ApiProperty() customerId!: string;
  @ApiProperty() assigneeId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the ticket is due; null: never',
  })
  dueAt!: string | null;
  @ApiProperty({ description: 'The due time has passed and the ticket is open or pending' }) overdue!: boolean;
  @ApiProperty({ type: UserRefDto }) creator!: UserRefDto;
  @ApiProperty({ type: UserRefDto }) assignee!: UserRefDto;
  @ApiProperty({ type: TicketCustomerDto }) customer!: TicketCustomerDto;
}

export class TicketPageDto {
  @ApiProperty({ type: [TicketDto] }) items!: TicketDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CommentDto {
  @ApiProperty() id!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: UserRefDto }) author!: UserRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CommentPageDto {
  @ApiProperty({ type: [CommentDto] }) items!: CommentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
