import { IsBoolean, IsIn, IsInt, IsString, Min } from 'class-validator';
import { Nullable, PLATFORMS } from '../model';
import type { Platform } from '../model';

export class ChannelRegisteredData {
  @IsString() channel_id: string;
  @IsString() connection_id: string;
  @IsIn(PLATFORMS) platform: Platform;
  @IsString() name: string;
  @Nullable() @IsString() topic: string | null;
  @IsBoolean() is_private: boolean;
  /** Message count the platform reported at discovery, when it reports one. */
  @Nullable() @IsInt() @Min(0) message_count_hint: number | null;
}

export class ChannelRemovedData {
  @IsString() channel_id: string;
  @IsString() connection_id: string;
  @IsIn(['connection_deleted']) reason: 'connection_deleted';
}
