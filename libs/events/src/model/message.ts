import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsISO8601, IsString, Min, ValidateNested } from 'class-validator';
import { Nullable } from './validation';

export class MessageAttachment {
  @IsString() name: string;
  @Nullable() @IsString() url: string | null;
  @Nullable() @IsString() mime_type: string | null;
  @Nullable() @IsInt() @Min(0) size: number | null;
}

export class MessageMention {
  /** Platform user id. */
  @IsString() id: string;
  /** Display name at fetch time, or the id when the platform does not know the user. */
  @IsString() name: string;
}

/** One chat message, normalized across platforms. */
export class NormalizedMessage {
  /** Platform message id, unique within the channel (Slack: the message `ts`). */
  @IsString() id: string;
  @IsString() channel_id: string;
  @Nullable() @IsString() author_id: string | null;
  @Nullable() @IsString() author_name: string | null;
  /** Text with mentions and links rendered readable (`<@U1>` becomes `@Ana`). */
  @IsString() text: string;
  @IsISO8601() timestamp: string;
  /** Id of the thread's parent message when this message is a reply. */
  @Nullable() @IsString() thread_parent_id: string | null;
  @IsInt() @Min(0) reply_count: number;
  @IsBoolean() edited: boolean;
  /** When the message was last edited, when the platform says; null otherwise. */
  @Nullable() @IsISO8601() edited_at: string | null;
  /**
   * A tombstone: the message was deleted on the platform. Its text is empty; the stages retract
   * whatever was extracted from it.
   */
  @IsBoolean() deleted: boolean;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MessageAttachment) attachments: MessageAttachment[];
  @Nullable() @IsString() permalink: string | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MessageMention) mentions: MessageMention[];
  /** Platform subtype (`bot_message`, `channel_join`, ...), null for ordinary messages. */
  @Nullable() @IsString() subtype: string | null;
  @IsBoolean() is_bot: boolean;
}
