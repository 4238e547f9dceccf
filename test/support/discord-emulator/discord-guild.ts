import { compareIds, SnowflakeClock, snowflakeMs } from './snowflakes';

/** Fixture data of an emulated Discord guild: users, text channels, threads and their messages. */

export interface UserFixture {
  username: string;
  /** The display name the user chose; null keeps the username. */
  globalName?: string | null;
  bot?: boolean;
  /** When the account was made; fixes its snowflake. */
  createdAt?: Date;
}

export interface ChannelFixture {
  name: string;
  topic?: string;
  /** 0 = text, 5 = announcement, 2 = voice, 4 = category. */
  type?: number;
  createdAt?: Date;
  /** @everyone is denied View Channel: only some members see it. */
  isPrivate?: boolean;
}

export interface MessageFixture {
  /** User id of the author. */
  author: string;
  content: string;
  /** When it was posted; by default now. */
  at?: Date;
  /** An inline reply (message_reference type 0) to this message of the same channel. */
  replyTo?: string;
  /** Leave the reference's `type` out, as payloads from before forwards did. */
  legacyReference?: boolean;
  embeds?: Array<{ title?: string; description?: string }>;
  attachments?: Array<{ filename: string; size: number; contentType: string }>;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  type: number;
  authorId: string;
  content: string;
  editedMs: number | null;
  reference: { messageId: string; channelId: string; typed: boolean } | null;
  embeds: NonNullable<MessageFixture['embeds']>;
  attachments: Array<{ id: string; filename: string; size: number; contentType: string }>;
}

export interface StoredThread {
  ownerId: string;
  createdMs: number;
  autoArchiveMinutes: number;
}

export interface StoredChannel {
  id: string;
  type: number;
  name: string;
  topic: string | null;
  position: number;
  parentId: string | null;
  isPrivate: boolean;
  /** The bot was not given access: Discord answers 403 Missing Access. */
  hiddenFromBot: boolean;
  /** Oldest first. */
  messages: StoredMessage[];
  /** Set on thread channels. */
  thread: StoredThread | null;
}

export interface StoredUser extends UserFixture {
  id: string;
}

export const MESSAGE_TYPES = { DEFAULT: 0, REPLY: 19, THREAD_STARTER_MESSAGE: 21 } as const;
export const THREAD_TYPE = { PUBLIC: 11 } as const;

const GUILD_CREATED = Date.parse('2025-06-01T00:00:00.000Z');

export class DiscordGuild {
  readonly clock = new SnowflakeClock();
  readonly id = this.clock.at(GUILD_CREATED);
  readonly name = 'Atlas Emulated';
  readonly users = new Map<string, StoredUser>();
  readonly roles = new Map<string, string>([[this.id, '@everyone']]);
  readonly channels = new Map<string, StoredChannel>();

  addUser(user: UserFixture): string {
    const id = this.clock.at((user.createdAt ?? new Date(GUILD_CREATED)).getTime());
    this.users.set(id, { ...user, id });
    return id;
  }

  addRole(name: string): string {
    const id = this.clock.at(GUILD_CREATED + this.roles.size);
    this.roles.set(id, name);
    return id;
  }

  addChannel(channel: ChannelFixture): string {
    const id = this.clock.at((channel.createdAt ?? new Date()).getTime());
    this.channels.set(id, {
      id,
      type: channel.type ?? 0,
      name: channel.name,
      topic: channel.topic ?? null,
      position: this.channels.size,
      parentId: null,
      isPrivate: channel.isPrivate === true,
      hiddenFromBot: false,
      messages: [],
      thread: null,
    });
    return id;
  }

  hideFromBot(channelId: string): void {
    this.channel(channelId).hiddenFromBot = true;
  }

  /** Posts in a channel or a thread; returns the message id. */
  post(channelId: string, message: MessageFixture): string {
    const channel = this.channel(channelId);
    const at = (message.at ?? new Date()).getTime();
    const stored: StoredMessage = {
      id: this.clock.at(at),
      channelId,
      type: message.replyTo ? MESSAGE_TYPES.REPLY : MESSAGE_TYPES.DEFAULT,
      authorId: message.author,
      content: message.content,
      editedMs: null,
      reference: message.replyTo
        ? { messageId: message.replyTo, channelId, typed: message.legacyReference !== true }
        : null,
      embeds: message.embeds ?? [],
      attachments: (message.attachments ?? []).map((file) => ({ ...file, id: this.clock.at(at) })),
    };
    insertById(channel.messages, stored);
    return stored.id;
  }

  /**
   * Starts a public thread from a message, as Discord does: the thread channel takes the message's
   * id, and its first message is a THREAD_STARTER_MESSAGE pointing back at it.
   */
  startThread(channelId: string, messageId: string, at: Date, name?: string): string {
    const parent = this.channel(channelId);
    const starter = this.message(channelId, messageId);
    if (this.channels.has(messageId)) throw new Error(`Message ${messageId} already started a thread`);
    this.channels.set(messageId, {
      id: messageId,
      type: THREAD_TYPE.PUBLIC,
      name: name ?? (starter.content.slice(0, 40) || 'thread'),
      topic: null,
      position: 0,
      parentId: parent.id,
      isPrivate: false,
      hiddenFromBot: false,
      messages: [],
      thread: { ownerId: starter.authorId, createdMs: at.getTime(), autoArchiveMinutes: 1440 },
    });
    insertById(this.channel(messageId).messages, {
      id: this.clock.at(at.getTime()),
      channelId: messageId,
      type: MESSAGE_TYPES.THREAD_STARTER_MESSAGE,
      authorId: starter.authorId,
      content: '',
      editedMs: null,
      reference: { messageId, channelId, typed: true },
      embeds: [],
      attachments: [],
    });
    return messageId;
  }

  /** Replies in the thread of a message, starting the thread (just before the reply) if it has none. */
  reply(channelId: string, parentId: string, message: MessageFixture): string {
    const at = message.at ?? new Date();
    if (!this.channels.has(parentId)) this.startThread(channelId, parentId, new Date(at.getTime() - 1));
    return this.post(parentId, { ...message, at });
  }

  /** Edits a message of a channel or of one of its threads; Discord records when (edited_timestamp). */
  edit(channelId: string, messageId: string, content: string, at: Date): void {
    const message = this.find(channelId, messageId);
    message.content = content;
    message.editedMs = at.getTime();
  }

  /** Deletes a message; a thread it started stays, as on Discord, without its starter. */
  remove(channelId: string, messageId: string): void {
    const message = this.find(channelId, messageId);
    const channel = this.channel(message.channelId);
    channel.messages = channel.messages.filter((candidate) => candidate.id !== messageId);
  }

  channel(channelId: string): StoredChannel {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`No channel ${channelId}`);
    return channel;
  }

  message(channelId: string, messageId: string): StoredMessage {
    const message = this.channel(channelId).messages.find((candidate) => candidate.id === messageId);
    if (!message) throw new Error(`No message ${messageId} in ${channelId}`);
    return message;
  }

  threadsOf(channelId: string): StoredChannel[] {
    return [...this.channels.values()].filter((channel) => channel.parentId === channelId);
  }

  /** Whether Discord has archived the thread by `now`: no activity for its auto-archive duration. */
  isArchived(thread: StoredChannel, now: number): boolean {
    return now > this.archiveTime(thread);
  }

  /** When the thread archives (or archived): its last activity plus the auto-archive duration. */
  archiveTime(thread: StoredChannel): number {
    const last = thread.messages.at(-1);
    const lastActivity = Math.max(thread.thread!.createdMs, last ? snowflakeMs(last.id) : 0);
    return lastActivity + thread.thread!.autoArchiveMinutes * 60_000;
  }

  private find(channelId: string, messageId: string): StoredMessage {
    for (const channel of [this.channel(channelId), ...this.threadsOf(channelId)]) {
      const message = channel.messages.find((candidate) => candidate.id === messageId);
      if (message) return message;
    }
    throw new Error(`No message ${messageId} in ${channelId} or its threads`);
  }
}

function insertById(messages: StoredMessage[], message: StoredMessage): void {
  const index = messages.findIndex((candidate) => compareIds(candidate.id, message.id) > 0);
  if (index < 0) messages.push(message);
  else messages.splice(index, 0, message);
}
