import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PRESENCE_STATES, PresenceState } from '../../../../platform/live/presence.service';
import { UserRefDto } from './ticket.response.dto';

export class ReportPresenceDto {
  @ApiProperty({
    enum: PRESENCE_STATES,
    enumName: 'PresenceState',
    description: '`viewing` or `editing` (repeat within 60 s to stay present), `left` when done',
    example: 'viewing',
  })
  @IsIn(PRESENCE_STATES, { message: `state must be one of ${PRESENCE_STATES.join(', ')}` })
  state!: PresenceState;
}

const VIA_KINDS = ['user', 'macro', 'trigger', 'automation', 'bulk'] as const;
const HISTORY_ACTIONS = ['created', 'updated', 'closed', 'reopened', 'commented', 'overdue'] as const;

export class HistoryViaDto {
  @ApiProperty({ enum: VIA_KINDS, enumName: 'HistoryViaKind' }) kind!: (typeof VIA_KINDS)[number];
  @ApiProperty({ required: false, description: 'The macro, trigger or bulk change, when there is one' }) id?: string;
  @ApiProperty({ required: false, description: "The macro's or trigger's name at the time" }) name?: string;
}

export class HistoryChangeDto {
  @ApiProperty({
    description: 'A ticket field: title, description, type, priority, topic, status, photoUrl, customerId, assigneeId',
  })
  field!: string;
  @ApiProperty({ description: 'The value before the change', type: String, nullable: true })
  from!: string | null;
  @ApiProperty({ description: 'The value after the change', type: String, nullable: true })
  to!: string | null;
}

export class HistoryItemDto {
  @ApiProperty({ description: "The change's place in the event log (the same as its live event's id)" }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'null for an automation' }) actor!: UserRefDto | null;
  @ApiProperty({ type: HistoryViaDto }) via!: HistoryViaDto;
  @ApiProperty({ enum: HISTORY_ACTIONS, enumName: 'HistoryAction' }) action!: (typeof HISTORY_ACTIONS)[number];
  @ApiProperty({ type: [HistoryChangeDto] }) changes!: HistoryChangeDto[];
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryItemDto] }) items!: HistoryItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
