import { ApiProperty } from '@nestjs/swagger';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export class WebhookDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() url!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    description:
      'The signing secret, `whsec_` + base64 of 32 random bytes. Shown only in this answer (and its `Idempotency-Key` replay): store it now.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=',
  })
  secret!: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] }) items!: WebhookDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ description: 'Also the `webhook-id` header of every attempt' }) id!: string;
  @ApiProperty({ description: 'The event name (`ticket.closed`, …, or `webhook.test`)' }) event!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'WebhookDeliveryStatus' })
  status!: (typeof DELIVERY_STATUSES)[number];
  @ApiProperty({ description: 'Attempts made so far' }) attempts!: number;
  @ApiProperty({ type: Number, nullable: true, description: "The last attempt's HTTP status; null when it got none" })
  lastResponseStatus!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed; null after a success' })
  lastError!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the next attempt is due (while one is in flight: when its lease runs out); null when succeeded or failed',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class WebhookTestDto {
  @ApiProperty({ description: 'The queued `webhook.test` delivery; it shows in the delivery log' }) deliveryId!: string;
}
