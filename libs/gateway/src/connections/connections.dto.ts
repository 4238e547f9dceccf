import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { PLATFORMS } from '@atlas/events';
import type { Platform } from '@atlas/events';

/**
 * Secrets of a connection: sealed before they are stored, never returned. Which ones a platform needs
 * is checked against its settings (libs/platforms/src/platform-settings.ts).
 */
export class ConnectionCredentialsDto {
  /** Slack, Discord (bot), Mattermost (personal access or bot token), Teams (a Graph access token). */
  @IsOptional() @IsString() @Length(1, 4000) token?: string;
  /** Teams: the app's client secret, for the client-credentials flow. */
  @IsOptional() @IsString() @Length(1, 1000) client_secret?: string;
}

export class CreateConnectionDto {
  @IsString() @Length(1, 200) name: string;
  @IsIn(PLATFORMS) platform: Platform;
  /** The platform's settings (string values), checked against the platform's list of settings. */
  @IsObject() config: Record<string, unknown>;
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConnectionCredentialsDto)
  credentials?: ConnectionCredentialsDto;
}

/** PUT /api/connections/{id}: any of these; config keys given replace the old ones (null removes one). */
export class UpdateConnectionDto {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsObject() config?: Record<string, unknown>;
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConnectionCredentialsDto)
  credentials?: ConnectionCredentialsDto;
}

export class ListChannelsQuery {
  @IsOptional() @IsString() @Length(1, 200) connection_id?: string;
}
