import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from '@atlas/events';
import type { WebhookEventType } from '@atlas/events';
import { PageQuery } from '../knowledge/knowledge.dto';

/** POST /api/webhooks */
export class CreateWebhookDto {
  @ApiProperty({
    description: 'Where deliveries are POSTed: https to a public address unless the outbound-URL settings allow more',
    maxLength: 2000,
    example: 'https://hooks.example.com/atlas',
  })
  @IsString()
  @Length(1, 2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, minItems: 1, example: ['SyncCompleted', 'SyncFailed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length * 2)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];

  @ApiPropertyOptional({
    description: 'Signs every delivery (X-Atlas-Signature); stored encrypted and never shown again',
    minLength: 16,
    maxLength: 256,
    writeOnly: true,
  })
  @IsOptional()
  @IsString()
  @Length(16, 256)
  secret?: string;
}

/** GET /api/webhooks/{webhook_id}/deliveries */
export class ListDeliveriesQuery extends PageQuery {}
