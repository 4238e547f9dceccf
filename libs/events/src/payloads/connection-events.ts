import { Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, IsString, ValidateNested } from 'class-validator';
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

/**
 * A connection's name, settings or credentials changed (credentials rotated). It carries the whole new
 * state, so a reader needs only the connection's last event.
 */
export class ConnectionUpdatedData extends ConnectionCreatedData {
  /** What changed: `name`, `config`, `credentials`. */
  @IsArray() @IsIn(['name', 'config', 'credentials'], { each: true }) changed: Array<'name' | 'config' | 'credentials'>;
}

export class ConnectionDeletedData {
  @IsString() connection_id: string;
}
