import type { DiscordGuild, StoredChannel, StoredMessage, StoredUser } from './discord-guild';
import { MESSAGE_TYPES } from './discord-guild';
import { discordTimestamp, snowflakeMs } from './snowflakes';

type Json = Record<string, unknown>;

/** VIEW_CHANNEL, denied to @everyone on private channels. */
const VIEW_CHANNEL = String(1 << 10);
const HAS_THREAD_FLAG = 1 << 5;
const MENTION = /<@!?(\d+)>/g;

/** The objects of Discord's API v10, as the REST routes return them. */
export class DiscordJson {
  constructor(private readonly guild: DiscordGuild) {}

  user(user: StoredUser): Json {
    return {
      id: user.id,
      username: user.username,
      global_name: user.globalName ?? null,
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      ...(user.bot ? { bot: true } : {}),
    };
  }

  message(message: StoredMessage, now: number): Json {
    const author = this.guild.users.get(message.authorId);
    const thread = this.guild.channels.get(message.id);
    const startedThread = thread?.thread && thread.parentId === message.channelId ? thread : undefined;
    const mentioned = [...new Set(Array.from(message.content.matchAll(MENTION), (match) => match[1]))]
      .map((id) => this.guild.users.get(id))
      .filter((user): user is StoredUser => user !== undefined);
    return {
      id: message.id,
      channel_id: message.channelId,
      type: message.type,
      author: author ? this.user(author) : { id: message.authorId, username: 'Deleted User', global_name: null },
      content: message.content,
      timestamp: discordTimestamp(snowflakeMs(message.id)),
      edited_timestamp: message.editedMs === null ? null : discordTimestamp(message.editedMs),
      tts: false,
      mention_everyone: false,
      // REST answers carry bare users: the partial `member` (with the nickname) only comes in gateway events.
      mentions: mentioned.map((user) => this.user(user)),
      mention_roles: [],
      attachments: message.attachments.map((file) => ({
        id: file.id,
        filename: file.filename,
        size: file.size,
        content_type: file.contentType,
        url: `https://cdn.discordapp.com/attachments/${message.channelId}/${file.id}/${file.filename}`,
      })),
      embeds: message.embeds,
      pinned: false,
      flags: startedThread ? HAS_THREAD_FLAG : 0,
      components: [],
      ...(message.reference
        ? {
            message_reference: {
              ...(message.reference.typed ? { type: 0 } : {}),
              message_id: message.reference.messageId,
              channel_id: message.reference.channelId,
              guild_id: this.guild.id,
            },
          }
        : {}),
      ...(startedThread ? { thread: this.channel(startedThread, now) } : {}),
      ...(message.type === MESSAGE_TYPES.THREAD_STARTER_MESSAGE ? { position: 0 } : {}),
    };
  }

  channel(channel: StoredChannel, now: number): Json {
    const common = {
      id: channel.id,
      type: channel.type,
      guild_id: this.guild.id,
      name: channel.name,
      last_message_id: channel.messages.at(-1)?.id ?? null,
      rate_limit_per_user: 0,
      flags: 0,
    };
    if (!channel.thread) {
      return {
        ...common,
        topic: channel.topic,
        position: channel.position,
        parent_id: null,
        nsfw: false,
        permission_overwrites: channel.isPrivate
          ? [{ id: this.guild.id, type: 0, allow: '0', deny: VIEW_CHANNEL }]
          : [],
      };
    }
    const archived = this.guild.isArchived(channel, now);
    const counted = channel.messages.filter((message) => message.type !== MESSAGE_TYPES.THREAD_STARTER_MESSAGE);
    return {
      ...common,
      parent_id: channel.parentId,
      owner_id: channel.thread.ownerId,
      // Not counting the starter message nor deleted ones, as Discord counts.
      message_count: counted.length,
      total_message_sent: counted.length,
      member_count: 1,
      thread_metadata: {
        archived,
        auto_archive_duration: channel.thread.autoArchiveMinutes,
        archive_timestamp: discordTimestamp(archived ? this.guild.archiveTime(channel) : channel.thread.createdMs),
        locked: false,
        create_timestamp: discordTimestamp(channel.thread.createdMs),
      },
    };
  }
}
