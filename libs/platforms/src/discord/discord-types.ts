/** The parts of Discord's API v10 objects the connector reads. */

export interface DiscordUser {
  id: string;
  username: string;
  /** The name the user chose to be shown by; null when they kept their username. */
  global_name?: string | null;
  bot?: boolean;
  /** In `mentions` of guild messages: the mentioned user's partial guild member. */
  member?: DiscordMember;
}

export interface DiscordMember {
  /** The user's nickname in this guild, which Discord shows instead of any other name there. */
  nick?: string | null;
}

export interface DiscordAttachment {
  id: string;
  filename: string;
  size?: number;
  url?: string;
  content_type?: string;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  url?: string;
}

export interface DiscordMessageReference {
  /** 0 = DEFAULT (a reply), 1 = FORWARD; payloads older than forwards leave it out. */
  type?: number;
  message_id?: string;
  channel_id?: string;
  guild_id?: string;
}

export interface DiscordMessage {
  id: string;
  channel_id: string;
  type?: number;
  author?: DiscordUser;
  member?: DiscordMember;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  mentions?: DiscordUser[];
  mention_roles?: string[];
  attachments?: DiscordAttachment[];
  embeds?: DiscordEmbed[];
  message_reference?: DiscordMessageReference;
  /** The thread started from this message (its id is this message's id); not always returned. */
  thread?: DiscordChannel;
  webhook_id?: string;
}

export interface DiscordThreadMetadata {
  archived: boolean;
  archive_timestamp: string;
  auto_archive_duration?: number;
  locked?: boolean;
}

export interface DiscordPermissionOverwrite {
  id: string;
  /** 0 = role, 1 = member. */
  type: number;
  allow: string;
  deny: string;
}

export interface DiscordChannel {
  id: string;
  type: number;
  guild_id?: string;
  name?: string;
  topic?: string | null;
  parent_id?: string | null;
  last_message_id?: string | null;
  /** Threads: messages in the thread, not counting its starter or deleted ones. */
  message_count?: number;
  thread_metadata?: DiscordThreadMetadata;
  permission_overwrites?: DiscordPermissionOverwrite[];
}

export interface DiscordThreadList {
  threads: DiscordChannel[];
  has_more?: boolean;
}

export interface DiscordRole {
  id: string;
  name: string;
}

/** Discord's error body: `{"message": "Unknown Channel", "code": 10003}`, and `retry_after` on a 429. */
export interface DiscordErrorBody {
  message?: string;
  code?: number;
  retry_after?: number;
  global?: boolean;
}

export const CHANNEL_TYPE = {
  GUILD_TEXT: 0,
  GUILD_ANNOUNCEMENT: 5,
  ANNOUNCEMENT_THREAD: 10,
  PUBLIC_THREAD: 11,
  PRIVATE_THREAD: 12,
} as const;

export const MESSAGE_TYPE = {
  DEFAULT: 0,
  REPLY: 19,
  THREAD_STARTER_MESSAGE: 21,
} as const;
