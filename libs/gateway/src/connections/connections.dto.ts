import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUrl, Length, ValidateNested } from 'class-validator';
import { PLATFORMS } from '@atlas/events';
import type { Platform } from '@atlas/events';

export class ConnectionConfigDto {
  /** Slack: API root (a local Slack-compatible server in tests). */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) base_url?: string;
  /** Slack export: ZIP file or folder inside ATLAS_IMPORT_DIR. */
  @IsOptional() @IsString() @Length(1, 1000) path?: string;
  /** Used to build permalinks, e.g. https://acme.slack.com. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  workspace_url?: string;
}

export class ConnectionCredentialsDto {
  @IsOptional() @IsString() @Length(1, 500) token?: string;
}

export class CreateConnectionDto {
  @IsString() @Length(1, 200) name: string;
  @IsIn(PLATFORMS) platform: Platform;
  @IsObject() @ValidateNested() @Type(() => ConnectionConfigDto) config: ConnectionConfigDto;
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConnectionCredentialsDto)
  credentials?: ConnectionCredentialsDto;
}

export class ListChannelsQuery {
  @IsOptional() @IsString() @Length(1, 200) connection_id?: string;
}
