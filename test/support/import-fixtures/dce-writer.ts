import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatChannel, ChatUser } from '../chat-fixture';
import { csvText } from './csv-text';
import { allImportMessages, ImportMessage, ImportWorkspace } from './import-workspace';

const DISCORD_EPOCH = 1_420_070_400_000n;
export const DCE_GUILD = { id: '1100000000000000001', name: 'Atlas Crew' };

/**
 * Discord snowflakes of a rendered workspace. Message ids encode their time, as Discord's do, and are
 * handed out once per message, so a newer export of the same workspace keeps them.
 */
export class DceIds {
  private readonly messages = new Map<string, string>();
  private sequence = 0;

  channel(channelKey: string): string {
    return snowflake(
      Date.parse('2025-01-01T00:00:00Z'),
      [...channelKey].reduce((sum, char) => sum + char.charCodeAt(0), 0),
    );
  }

  user(userKey: string): string {
    return snowflake(
      Date.parse('2024-06-01T00:00:00Z'),
      [...userKey].reduce((sum, char) => sum * 7 + char.charCodeAt(0), 0),
    );
  }

  message(channelKey: string, message: ImportMessage): string {
    const key = `${channelKey}/${message.key}`;
    let id = this.messages.get(key);
    if (id === undefined) {
      id = snowflake(message.at.getTime(), (this.sequence += 1));
      this.messages.set(key, id);
    }
    return id;
  }
}

function snowflake(ms: number, increment: number): string {
  return (((BigInt(ms) - DISCORD_EPOCH) << 22n) | BigInt(increment & 0xfff)).toString();
}

export interface DceWriteOptions {
  /** DCE before `reference.type` and author roles. */
  legacy?: boolean;
  /** Defaults to the latest change in the workspace. */
  exportedAt?: Date;
}

/** `Atlas Crew - Text Channels - general [1234]`: DCE's default file name. */
export function dceFileName(ids: DceIds, channel: ChatChannel, extension: 'json' | 'csv'): string {
  return `${DCE_GUILD.name} - Text Channels - ${channel.name} [${ids.channel(channel.key)}].${extension}`;
}

/**
 * Writes each channel as a DiscordChatExporter JSON export in `dir`, as DCE writes them: messages
 * oldest first, replies as `Reply` messages referencing their parent, mentions rendered `@Name` in the
 * content and listed; deleted messages are absent (DCE exports only what the channel still holds).
 * Rewriting is taking a newer export.
 */
export function writeDceJsonExport(
  dir: string,
  state: ImportWorkspace,
  ids: DceIds,
  options: DceWriteOptions = {},
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const exportedAt = options.exportedAt ?? new Date(Math.max(Date.now(), state.latestChange().getTime()));
  for (const channel of state.workspace.channels) {
    const messages = dceMessages(state, ids, channel, options);
    const document = {
      guild: { ...DCE_GUILD, iconUrl: 'https://cdn.discordapp.com/embed/avatars/0.png' },
      channel: {
        id: ids.channel(channel.key),
        type: 'GuildTextChat',
        categoryId: '1100000000000000002',
        category: 'Text Channels',
        name: channel.name,
        topic: `All about ${channel.name}`,
      },
      dateRange: { after: null, before: null },
      exportedAt: isoWithOffset(exportedAt),
      messages,
      messageCount: messages.length,
    };
    writeFileSync(join(dir, dceFileName(ids, channel, 'json')), JSON.stringify(document, null, 2));
  }
}

/** Writes each channel as DCE's CSV export: `AuthorID,Author,Date,Content,Attachments,Reactions`. */
export function writeDceCsvExport(
  dir: string,
  state: ImportWorkspace,
  ids: DceIds,
  formatDate: (at: Date) => string,
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const channel of state.workspace.channels) {
    const rows = ordered(channel).map((message) => {
      const author = state.user(message.author);
      return [ids.user(author.key), author.displayName, formatDate(message.at), state.plainText(message.text), '', ''];
    });
    writeFileSync(
      join(dir, dceFileName(ids, channel, 'csv')),
      csvText(['AuthorID', 'Author', 'Date', 'Content', 'Attachments', 'Reactions'], rows),
    );
  }
}

function dceMessages(state: ImportWorkspace, ids: DceIds, channel: ChatChannel, options: DceWriteOptions): object[] {
  const parents = new Map<string, ImportMessage>();
  for (const parent of channel.messages as ImportMessage[]) {
    for (const reply of parent.replies ?? []) parents.set(reply.key, parent);
  }
  return ordered(channel).map((message) => {
    const parent = parents.get(message.key);
    return {
      id: ids.message(channel.key, message),
      type: parent ? 'Reply' : 'Default',
      timestamp: isoWithOffset(message.at),
      timestampEdited: message.editedAt ? isoWithOffset(message.editedAt) : null,
      callEndedTimestamp: null,
      isPinned: false,
      content: state.plainText(message.text),
      author: dceUser(state.user(message.author), ids, options),
      attachments: [],
      embeds: [],
      stickers: [],
      reactions: [],
      mentions: state.mentionedUsers(message.text).map((user) => dceUser(user, ids, options)),
      ...(parent
        ? {
            reference: {
              ...(options.legacy ? {} : { type: 'Default' }),
              messageId: ids.message(channel.key, parent),
              channelId: ids.channel(channel.key),
              guildId: DCE_GUILD.id,
            },
          }
        : {}),
      inlineEmojis: [],
    };
  });
}

function dceUser(user: ChatUser, ids: DceIds, options: DceWriteOptions): object {
  return {
    id: ids.user(user.key),
    name: user.username,
    discriminator: '0000',
    nickname: user.displayName,
    color: null,
    isBot: user.isBot === true,
    ...(options.legacy ? {} : { roles: [] }),
    avatarUrl: 'https://cdn.discordapp.com/embed/avatars/1.png',
  };
}

/** The messages an export holds, oldest first, as DCE writes them. */
function ordered(channel: ChatChannel): ImportMessage[] {
  return allImportMessages(channel)
    .filter((message) => !message.deletedAt)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** DCE writes times with an offset and as many fraction digits as the time has. */
function isoWithOffset(at: Date): string {
  return at
    .toISOString()
    .replace(/\.000Z$/, '+00:00')
    .replace(/Z$/, '+00:00');
}
