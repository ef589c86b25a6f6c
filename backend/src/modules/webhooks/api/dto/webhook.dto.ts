import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, MaxLength, Min, ValidateIf } from 'class-validator';

const URL_DESCRIPTION =
  'An `https` URL (`http` too when the server runs with `WEBHOOK_ALLOW_HTTP=true`). A host that resolves to a loopback, private, link-local, unique-local, multicast or unspecified address (IPv4 or IPv6, IPv4-mapped included) is refused with `400` naming `url`, unless `WEBHOOK_ALLOW_PRIVATE=true`; every address is checked again when a delivery connects.';

export class CreateWebhookDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'On-call channel' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ maxLength: 2000, description: URL_DESCRIPTION, example: 'https://example.com/hooks/helpdesk' })
  @IsString({ message: 'url must be a URL' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url!: string;

  @ApiPropertyOptional({
    default: true,
    description: 'An inactive webhook is sent nothing: triggers naming it write no delivery.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @ValidateIf((o: UpdateWebhookDto) => o.name !== undefined)
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: URL_DESCRIPTION })
  @ValidateIf((o: UpdateWebhookDto) => o.url !== undefined)
  @IsString({ message: 'url must be a URL' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: UpdateWebhookDto) => o.active !== undefined)
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'The version the client read', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}
