/** Fixture data of an emulated Slack workspace: users, channels, messages and threads. */

export interface UserFixture {
  id: string;
  name: string;
  realName?: string;
  displayName?: string;
  isBot?: boolean;
  /** False for users users.list does not return but users.info knows (e.g. from a shared channel). */
  listed?: boolean;
}

export interface ChannelFixture {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  topic?: string;
  purpose?: string;
  /** Unix seconds; by default the first ts the workspace hands out. */
  created?: number;
}

export interface MessageFixture {
  /** When it was posted; by default now, after every earlier message. */
  at?: Date;
  user?: string;
  text: string;
  subtype?: string;
  botId?: string;
  username?: string;
  edited?: boolean;
  files?: Array<{ id: string; name: string; mimetype: string; size: number }>;
}

/** A message as Slack's API returns it. */
export interface SlackMessageJson {
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  subtype?: string;
  bot_id?: string;
  username?: string;
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  edited?: { user: string; ts: string };
  files?: MessageFixture['files'];
}

interface StoredChannel extends ChannelFixture {
  /** Top-level messages and broadcast replies, oldest first. */
  messages: SlackMessageJson[];
  /** Replies by parent ts, oldest first. */
  threads: Map<string, SlackMessageJson[]>;
}

export class SlackWorkspace {
  readonly domain = 'atlas-emulated.slack.com';
  readonly teamId = 'T0EMULATED';
  readonly users = new Map<string, UserFixture>();
  private readonly channels = new Map<string, StoredChannel>();
  /** Microseconds since the epoch of the last ts handed out; every message gets a later one. */
  private clock = 1_740_000_000_000_000n;
  /** Most messages conversations.history / conversations.replies return; Slack's 2025 limits make it 15. */
  maxMessagesPerPage: { history: number; replies: number } = { history: 999, replies: 1000 };

  addUser(user: UserFixture): this {
    this.users.set(user.id, user);
    return this;
  }

  addChannel(channel: ChannelFixture): this {
    const created = channel.created ?? Number(this.clock / 1_000_000n);
    this.channels.set(channel.id, { ...channel, created, messages: [], threads: new Map() });
    return this;
  }

  /** Posts a top-level message now (after every earlier one) and returns its ts. */
  post(channelId: string, message: MessageFixture): string {
    const channel = this.storedChannel(channelId);
    const stored = this.toJson(message);
    insertByTs(channel.messages, stored);
    return stored.ts;
  }

  /** Edits a message or reply as Slack records it: new text, and `edited` with the time of the edit. */
  edit(channelId: string, ts: string, text: string, at: Date): void {
    const message = this.find(channelId, ts);
    message.text = text;
    message.edited = { user: message.user ?? 'U0UNKNOWN', ts: tsAt(at, 0) };
  }

  /** Deletes a message or reply; the Web API's history then simply lacks it. */
  remove(channelId: string, ts: string): void {
    const channel = this.storedChannel(channelId);
    channel.messages = channel.messages.filter((message) => message.ts !== ts);
    channel.threads.delete(ts);
    for (const [parent, replies] of channel.threads) {
      channel.threads.set(
        parent,
        replies.filter((reply) => reply.ts !== ts),
      );
    }
  }

  private find(channelId: string, ts: string): SlackMessageJson {
    const channel = this.storedChannel(channelId);
    const message =
      channel.messages.find((candidate) => candidate.ts === ts) ??
      [...channel.threads.values()].flat().find((reply) => reply.ts === ts);
    if (!message) throw new Error(`No message ${ts} in ${channelId}`);
    return message;
  }

  /** Posts `count` messages; `make` gets the index. Returns their ts, oldest first. */
  postMany(channelId: string, count: number, make: (index: number) => MessageFixture): string[] {
    return Array.from({ length: count }, (_, index) => this.post(channelId, make(index)));
  }

  /** Replies in the thread of `parentTs`; a broadcast reply also shows in the channel, as in Slack. */
  reply(channelId: string, parentTs: string, message: MessageFixture & { broadcast?: boolean }): string {
    const channel = this.storedChannel(channelId);
    const parent = channel.messages.find((candidate) => candidate.ts === parentTs);
    if (!parent) throw new Error(`No message ${parentTs} in ${channelId}`);
    const stored: SlackMessageJson = {
      ...this.toJson(message),
      thread_ts: parentTs,
      parent_user_id: parent.user,
      ...(message.broadcast ? { subtype: 'thread_broadcast' } : {}),
    };
    const replies = channel.threads.get(parentTs) ?? [];
    insertByTs(replies, stored);
    channel.threads.set(parentTs, replies);
    if (message.broadcast) insertByTs(channel.messages, stored);
    return stored.ts;
  }

  /** Deletes a channel as Slack does when it is deleted: from then on its methods answer channel_not_found. */
  removeChannel(channelId: string): this {
    this.storedChannel(channelId);
    this.channels.delete(channelId);
    return this;
  }

  channel(channelId: string): ChannelFixture | undefined {
    return this.channels.get(channelId);
  }

  allChannels(): ChannelFixture[] {
    return [...this.channels.values()];
  }

  /** The channel's history as Slack shows it: parents carry their thread's summary. */
  history(channelId: string): SlackMessageJson[] {
    const channel = this.storedChannel(channelId);
    return channel.messages.map((message) => this.withThreadSummary(channel, message));
  }

  /** The thread holding `ts` (its parent or one of its replies): the parent, then the replies. */
  thread(channelId: string, ts: string): { parent: SlackMessageJson; replies: SlackMessageJson[] } | undefined {
    const channel = this.storedChannel(channelId);
    const parentTs = channel.threads.has(ts)
      ? ts
      : ([...channel.threads].find(([, replies]) => replies.some((reply) => reply.ts === ts))?.[0] ?? ts);
    const parent = channel.messages.find(
      (message) => message.ts === parentTs && message.subtype !== 'thread_broadcast',
    );
    if (!parent) return undefined;
    return { parent: this.withThreadSummary(channel, parent), replies: channel.threads.get(parentTs) ?? [] };
  }

  private withThreadSummary(channel: StoredChannel, message: SlackMessageJson): SlackMessageJson {
    const replies = channel.threads.get(message.ts);
    if (!replies || message.thread_ts !== undefined) return message;
    return {
      ...message,
      thread_ts: message.ts,
      reply_count: replies.length,
      reply_users: [...new Set(replies.flatMap((reply) => (reply.user ? [reply.user] : [])))],
      latest_reply: replies[replies.length - 1].ts,
    };
  }

  private toJson(message: MessageFixture): SlackMessageJson {
    const ts = message.at ? this.tsAt(message.at) : this.nextTs();
    return {
      type: 'message',
      ts,
      text: message.text,
      ...(message.user ? { user: message.user } : {}),
      ...(message.subtype ? { subtype: message.subtype } : {}),
      ...(message.botId ? { bot_id: message.botId } : {}),
      ...(message.username ? { username: message.username } : {}),
      ...(message.edited && message.user ? { edited: { user: message.user, ts } } : {}),
      ...(message.files ? { files: message.files } : {}),
    };
  }

  /** A ts at that time; the microseconds keep every ts unique. */
  private tsAt(at: Date): string {
    this.sequence += 1;
    return tsAt(at, this.sequence);
  }

  private sequence = 0;

  private nextTs(): string {
    // Steps of a little over a second keep every microsecond digit in play.
    this.clock += 1_000_037n;
    const seconds = this.clock / 1_000_000n;
    const micros = (this.clock % 1_000_000n).toString().padStart(6, '0');
    return `${seconds}.${micros}`;
  }

  private storedChannel(channelId: string): StoredChannel {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`No channel ${channelId} in the emulated workspace`);
    return channel;
  }
}

function tsAt(at: Date, micros: number): string {
  const ms = at.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + (micros % 1000)).padStart(6, '0')}`;
}

/** Keeps a list oldest first when a message is posted with a time of its own. */
function insertByTs(messages: SlackMessageJson[], message: SlackMessageJson): void {
  let index = messages.length;
  while (index > 0 && micros(messages[index - 1].ts) > micros(message.ts)) index -= 1;
  messages.splice(index, 0, message);
}

function micros(ts: string): bigint {
  const [seconds, fraction = ''] = ts.split('.');
  return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6));
}
