import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatChannel } from '../chat-fixture';
import { renderMentions } from '../chat-fixture';
import { ImportMessage, ImportWorkspace } from './import-workspace';

/** Slack ids of a rendered workspace: they follow from the fixture keys and times. */
export const slackExportIds = {
  channel: (channelKey: string) => `C0${channelKey.toUpperCase()}`,
  user: (userKey: string) => `U0${userKey.toUpperCase()}`,
  /** A message's ts: its time to the microsecond Slack writes. */
  ts: (at: Date) => {
    const ms = at.getTime();
    return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
  },
};

/**
 * Writes the workspace as an unpacked Slack export (channels.json, users.json, a folder of day files
 * per channel), as an export with edit and deletion logs shows it: an edited message with its new text
 * and `edited`, plus a message_changed event on the day of the edit; a deleted message gone, and a
 * message_deleted event on the day of the deletion. Rewriting the folder is taking a newer export.
 */
export function writeSlackExportWorkspace(dir: string, state: ImportWorkspace): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { workspace } = state;
  writeFileSync(
    join(dir, 'users.json'),
    JSON.stringify(
      workspace.users.map((user) => ({
        id: slackExportIds.user(user.key),
        name: user.username,
        real_name: user.realName,
        is_bot: user.isBot === true,
        profile: { display_name: user.displayName, real_name: user.realName },
      })),
    ),
  );
  writeFileSync(
    join(dir, 'channels.json'),
    JSON.stringify(
      workspace.channels.map((channel) => ({
        id: slackExportIds.channel(channel.key),
        name: channel.name,
        created: Math.floor(channel.createdAt.getTime() / 1000),
        topic: { value: '' },
        purpose: { value: '' },
      })),
    ),
  );
  for (const channel of workspace.channels) writeDays(join(dir, channel.name), channel);
}

function writeDays(folder: string, channel: ChatChannel): void {
  mkdirSync(folder, { recursive: true });
  const byDay = new Map<string, object[]>();
  const add = (at: Date, entry: object) => {
    const day = at.toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  };
  for (const parent of channel.messages as ImportMessage[]) {
    for (const message of [parent, ...(parent.replies ?? [])]) {
      const entry = slackMessage(message, message === parent ? null : parent);
      if (message.deletedAt) {
        add(message.deletedAt, {
          type: 'message',
          subtype: 'message_deleted',
          hidden: true,
          ts: slackExportIds.ts(message.deletedAt),
          deleted_ts: entry.ts,
          previous_message: entry,
        });
        continue;
      }
      add(message.at, entry);
      if (message.editedAt) {
        add(message.editedAt, {
          type: 'message',
          subtype: 'message_changed',
          hidden: true,
          ts: slackExportIds.ts(message.editedAt),
          message: entry,
          previous_message: { ...entry, text: slackText(message.originalText ?? message.text), edited: undefined },
        });
      }
    }
  }
  for (const [day, entries] of byDay) writeFileSync(join(folder, `${day}.json`), JSON.stringify(entries, null, 1));
}

function slackMessage(message: ImportMessage, parent: ImportMessage | null): Record<string, unknown> & { ts: string } {
  const ts = slackExportIds.ts(message.at);
  const replies = (message.replies ?? []).filter((reply) => !reply.deletedAt);
  return {
    type: 'message',
    user: slackExportIds.user(message.author),
    text: slackText(message.text),
    ts,
    ...(parent ? { thread_ts: slackExportIds.ts(parent.at), parent_user_id: slackExportIds.user(parent.author) } : {}),
    ...(replies.length > 0
      ? {
          thread_ts: ts,
          reply_count: replies.length,
          replies: replies.map((reply) => ({
            user: slackExportIds.user(reply.author),
            ts: slackExportIds.ts(reply.at),
          })),
          latest_reply: slackExportIds.ts(replies.at(-1)!.at),
        }
      : {}),
    ...(message.editedAt
      ? { edited: { user: slackExportIds.user(message.author), ts: slackExportIds.ts(message.editedAt) } }
      : {}),
  };
}

function slackText(text: string): string {
  return renderMentions(text, (key) => `<@${slackExportIds.user(key)}>`);
}
