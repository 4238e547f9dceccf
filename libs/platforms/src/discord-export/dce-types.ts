/** The parts of a DiscordChatExporter JSON export the connector reads. Older exports lack some fields. */

export interface DceUser {
  id: string;
  name?: string | null;
  discriminator?: string | null;
  nickname?: string | null;
  isBot?: boolean;
  /** Absent in older exports. */
  roles?: unknown[];
}

export interface DceAttachment {
  id?: string;
  url?: string | null;
  fileName?: string | null;
  fileSizeBytes?: number | null;
}

export interface DceEmbed {
  title?: string | null;
  description?: string | null;
}

export interface DceReference {
  messageId?: string | null;
  channelId?: string | null;
  guildId?: string | null;
  /** `Default` (a reply, or the target of a pin notification) or `Forward`; absent in older exports. */
  type?: string | null;
}

export interface DceMessage {
  id: string;
  /** `Default`, `Reply`, `ThreadCreated`, `ChannelPinnedMessage`, `GuildMemberJoin`, ... */
  type?: string;
  timestamp: string;
  timestampEdited?: string | null;
  content?: string | null;
  author: DceUser;
  attachments?: DceAttachment[];
  embeds?: DceEmbed[];
  mentions?: DceUser[];
  reference?: DceReference | null;
}

export interface DceChannel {
  id: string;
  /** `GuildTextChat`, `GuildPublicThread`, `DirectTextChat`, ... */
  type?: string | null;
  /** The category, or for a thread its parent channel: DCE's schema predates threads. */
  categoryId?: string | null;
  category?: string | null;
  name?: string | null;
  topic?: string | null;
}

/** Everything of an export file before its messages. */
export interface DceHeader {
  guild: { id: string; name?: string | null };
  channel: DceChannel;
  exportedAt?: string | null;
}

const SNOWFLAKE = /^\d{1,20}$/;

export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && SNOWFLAKE.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isDceHeader(value: unknown): value is DceHeader {
  if (!isObject(value) || !isObject(value.guild) || !isObject(value.channel)) return false;
  return typeof value.guild.id === 'string' && isSnowflake(value.channel.id);
}

/** Why a message object cannot be read, or null when it can. */
export function dceMessageProblem(value: unknown): string | null {
  if (!isObject(value)) return 'is not an object';
  if (!isSnowflake(value.id)) return 'has no id';
  if (typeof value.timestamp !== 'string') return 'has no timestamp';
  if (!isObject(value.author) || typeof value.author.id !== 'string') return 'has no author';
  for (const list of ['attachments', 'embeds', 'mentions'] as const) {
    if (value[list] !== undefined && value[list] !== null && !Array.isArray(value[list]))
      return `has a malformed ${list}`;
  }
  if (value.reference !== undefined && value.reference !== null && !isObject(value.reference)) {
    return 'has a malformed reference';
  }
  return null;
}
