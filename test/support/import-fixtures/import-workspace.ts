import type { ChatChannel, ChatMessage, ChatUser, ChatWorkspace } from '../chat-fixture';
import { renderMentions, userByKey } from '../chat-fixture';

/** A fixture message as a later export shows it: possibly edited or deleted since the first one. */
export interface ImportMessage extends ChatMessage {
  /** The text before the edit, for exports that log the previous version. */
  originalText?: string;
  editedAt?: Date;
  deletedAt?: Date;
  replies?: ImportMessage[];
}

/**
 * A ChatWorkspace kept as exports of it would show it over time: each post, edit and removal changes
 * it, and the file writers render it again, as a newer export of the same workspace.
 */
export class ImportWorkspace {
  readonly workspace: ChatWorkspace;

  constructor(workspace: ChatWorkspace) {
    this.workspace = structuredClone(workspace);
  }

  channel(channelKey: string): ChatChannel {
    const channel = this.workspace.channels.find((candidate) => candidate.key === channelKey);
    if (!channel) throw new Error(`No fixture channel ${channelKey}`);
    return channel;
  }

  user(userKey: string): ChatUser {
    return userByKey(this.workspace, userKey);
  }

  message(channelKey: string, messageKey: string): ImportMessage {
    for (const message of this.channel(channelKey).messages as ImportMessage[]) {
      if (message.key === messageKey) return message;
      const reply = message.replies?.find((candidate) => candidate.key === messageKey);
      if (reply) return reply;
    }
    throw new Error(`No fixture message ${messageKey} in ${channelKey}`);
  }

  post(channelKey: string, message: ChatMessage, threadParentKey?: string): void {
    const posted = structuredClone(message);
    if (threadParentKey === undefined) this.channel(channelKey).messages.push(posted);
    else {
      const parent = this.message(channelKey, threadParentKey);
      parent.replies = [...(parent.replies ?? []), posted];
    }
  }

  edit(channelKey: string, messageKey: string, text: string, at: Date): void {
    const message = this.message(channelKey, messageKey);
    message.originalText ??= message.text;
    message.text = text;
    message.editedAt = at;
  }

  remove(channelKey: string, messageKey: string, at: Date): void {
    this.message(channelKey, messageKey).deletedAt = at;
  }

  /** The latest moment the workspace reflects: an export taken now holds everything up to it. */
  latestChange(): Date {
    let latest = 0;
    for (const channel of this.workspace.channels) {
      for (const message of allImportMessages(channel)) {
        latest = Math.max(
          latest,
          message.at.getTime(),
          message.editedAt?.getTime() ?? 0,
          message.deletedAt?.getTime() ?? 0,
        );
      }
    }
    return new Date(latest);
  }

  /** Text with `{@key}` mentions written as `@Display Name`, as exports without mention markup show them. */
  plainText(text: string): string {
    return renderMentions(text, (key) => `@${this.user(key).displayName}`);
  }

  /** Users a text mentions, in order. */
  mentionedUsers(text: string): ChatUser[] {
    return [...text.matchAll(/\{@([a-z0-9_-]+)\}/g)].map((match) => this.user(match[1]));
  }
}

/** Every message of a channel, replies included, deleted ones too. */
export function allImportMessages(channel: ChatChannel): ImportMessage[] {
  return (channel.messages as ImportMessage[]).flatMap((message) => [message, ...(message.replies ?? [])]);
}
