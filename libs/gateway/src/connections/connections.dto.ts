import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { PLATFORMS } from '@atlas/events';
import type { Platform } from '@atlas/events';

const SETTINGS_DESCRIPTION = "The platform's settings, checked against its list (docs/PLATFORMS.md)";

/**
 * Secrets of a connection: sealed before they are stored, never returned. Which ones a platform needs
 * is checked against its settings (libs/platforms/src/platform-settings.ts).
 */
export class ConnectionCredentialsDto {
  /** Slack, Discord (bot), Mattermost (personal access or bot token), Teams (a Graph access token). */
  @ApiPropertyOptional({ minLength: 1, maxLength: 4000, description: 'Slack, Discord, Mattermost, Teams (Graph)' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  token?: string;
  /** Teams: the app's client secret, for the client-credentials flow. */
  @ApiPropertyOptional({ minLength: 1, maxLength: 1000, description: "Teams: the app's client secret" })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  client_secret?: string;
}

export class CreateConnectionDto {
  @ApiProperty({ minLength: 1, maxLength: 200 }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: PLATFORMS }) @IsIn(PLATFORMS) platform: Platform;
  /** The platform's settings (string values), checked against the platform's list of settings. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: SETTINGS_DESCRIPTION })
  @IsObject()
  config: Record<string, unknown>;
  @ApiPropertyOptional({ type: ConnectionCredentialsDto, description: 'Sealed when stored, never returned' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConnectionCredentialsDto)
  credentials?: ConnectionCredentialsDto;
}

/** PUT /api/connections/{id}: any of these; config keys given replace the old ones (null removes one). */
export class UpdateConnectionDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: ['string', 'null'] },
    description: `${SETTINGS_DESCRIPTION}: keys given replace the old ones; null or "" removes one`,
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;
  @ApiPropertyOptional({ type: ConnectionCredentialsDto, description: 'Rotated credentials, checked first' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConnectionCredentialsDto)
  credentials?: ConnectionCredentialsDto;
}

export class ListChannelsQuery {
  @ApiPropertyOptional({ description: "Only this connection's channels", minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  connection_id?: string;
}
