import { IsOptional, IsString, Length } from 'class-validator';

/** GET /api/sync/events: no parameters streams every channel. */
export class SyncEventsQuery {
  @IsOptional() @IsString() @Length(1, 200) channel_id?: string;
  @IsOptional() @IsString() @Length(1, 200) job_id?: string;
  /** Last-Event-ID for clients that cannot set headers; the header wins when both are sent. */
  @IsOptional() @IsString() @Length(0, 20) last_event_id?: string;
  /** A token from POST /api/sync/events/token (checked before routing, by the API key middleware). */
  @IsOptional() @IsString() @Length(1, 2000) token?: string;
}
