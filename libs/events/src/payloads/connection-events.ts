import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, ValidateNested } from 'class-validator';
import { EncryptedSecret, Nullable, PLATFORMS } from '../model';
import type { Platform } from '../model';

/** Non-secret settings of a connection (API root, export path, workspace URL). */
export class ConnectionConfig {
  [key: string]: string | undefined;
}

export class ConnectionCreatedData {
  @IsString() connection_id: string;
  @IsString() name: string;
  @IsIn(PLATFORMS) platform: Platform;
  @IsObject() config: ConnectionConfig;
  @Nullable() @ValidateNested() @Type(() => EncryptedSecret) credentials: EncryptedSecret | null;
}

export class ConnectionDeletedData {
  @IsString() connection_id: string;
}
