/** The data of an emulated Microsoft Teams team: users, channels, root messages and their replies. */

export interface GraphUser {
  id: string;
  displayName: string;
  /** Posts as an application (a bot): Graph names it in `from.application`. */
  isBot?: boolean;
}

/** A mention as stored: the `<at id="…">` in the body and who it names. */
export interface StoredMention {
  id: number;
  mentionText: string;
  userId: string;
}

export interface StoredMessage {
  id: string;
  replyToId: string | null;
  authorId: string;
  createdMs: number;
  lastModifiedMs: number;
  lastEditedMs: number | null;
  deletedMs: number | null;
  contentType: 'html' | 'text';
  content: string;
  mentions: StoredMention[];
  messageType: 'message' | 'systemEventMessage';
}

export interface StoredRoot extends StoredMessage {
  /** Oldest first. */
  replies: StoredMessage[];
  /** Order of the reply chain's last change (post, reply, edit, deletion): what delta rounds follow. */
  changeSeq: number;
}

/** A root deleted for good: delta rounds list it as `@removed`. */
export interface RemovedRoot {
  id: string;
  removedMs: number;
  changeSeq: number;
}

export interface StoredChannel {
  id: string;
  displayName: string;
  description: string | null;
  membershipType: 'standard' | 'private' | 'shared';
  createdMs: number;
  /** Oldest first. */
  roots: StoredRoot[];
  removed: RemovedRoot[];
}

export interface NewMessage {
  authorId: string;
  content: string;
  contentType?: 'html' | 'text';
  mentions?: StoredMention[];
  messageType?: StoredMessage['messageType'];
  at: Date;
}

export class GraphStore {
  readonly users = new Map<string, GraphUser>();
  readonly channels = new Map<string, StoredChannel>();
  private seq = 0;

  constructor(
    readonly teamId: string,
    readonly tenantId: string,
  ) {}

  get currentSeq(): number {
    return this.seq;
  }

  addUser(user: GraphUser): this {
    this.users.set(user.id, user);
    return this;
  }

  addChannel(channel: Omit<StoredChannel, 'roots' | 'removed'>): this {
    this.channels.set(channel.id, { ...channel, roots: [], removed: [] });
    return this;
  }

  /** Posts a root message; Teams ids are the epoch milliseconds of the post, unique in the channel. */
  post(channelId: string, message: NewMessage): string {
    const channel = this.channel(channelId);
    const stored: StoredRoot = { ...this.newMessage(channel, message, null), replies: [], changeSeq: ++this.seq };
    channel.roots.push(stored);
    channel.roots.sort((a, b) => a.createdMs - b.createdMs || compareIds(a.id, b.id));
    return stored.id;
  }

  /** Replies in a thread; the root's lastModifiedDateTime moves with it, as in Graph. */
  reply(channelId: string, rootId: string, message: NewMessage): string {
    const channel = this.channel(channelId);
    const root = this.root(channel, rootId);
    const stored = this.newMessage(channel, message, rootId);
    root.replies.push(stored);
    root.replies.sort((a, b) => a.createdMs - b.createdMs || compareIds(a.id, b.id));
    this.touch(root, message.at.getTime());
    return stored.id;
  }

  edit(channelId: string, messageId: string, content: string, at: Date, mentions: StoredMention[] = []): void {
    const { message, root } = this.find(channelId, messageId);
    Object.assign(message, { content, mentions, lastEditedMs: at.getTime(), lastModifiedMs: at.getTime() });
    this.touch(root, at.getTime());
  }

  /** Deletes as Teams does: the message stays, with deletedDateTime set and its body emptied. */
  softDelete(channelId: string, messageId: string, at: Date): void {
    const { message, root } = this.find(channelId, messageId);
    Object.assign(message, { content: '', mentions: [], deletedMs: at.getTime(), lastModifiedMs: at.getTime() });
    this.touch(root, at.getTime());
  }

  /** Removes a root and its thread altogether (retention policies do that): delta lists it as removed. */
  purge(channelId: string, rootId: string, at: Date): void {
    const channel = this.channel(channelId);
    const root = this.root(channel, rootId);
    channel.roots.splice(channel.roots.indexOf(root), 1);
    channel.removed.push({ id: root.id, removedMs: at.getTime(), changeSeq: ++this.seq });
  }

  channel(channelId: string): StoredChannel {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`No channel ${channelId} in the emulated team`);
    return channel;
  }

  findRoot(channel: StoredChannel, rootId: string): StoredRoot | undefined {
    return channel.roots.find((root) => root.id === rootId);
  }

  private root(channel: StoredChannel, rootId: string): StoredRoot {
    const root = this.findRoot(channel, rootId);
    if (!root) throw new Error(`No root message ${rootId} in channel ${channel.id}`);
    return root;
  }

  private find(channelId: string, messageId: string): { message: StoredMessage; root: StoredRoot } {
    const channel = this.channel(channelId);
    for (const root of channel.roots) {
      if (root.id === messageId) return { message: root, root };
      const reply = root.replies.find((candidate) => candidate.id === messageId);
      if (reply) return { message: reply, root };
    }
    throw new Error(`No message ${messageId} in channel ${channelId}`);
  }

  private touch(root: StoredRoot, atMs: number): void {
    root.lastModifiedMs = Math.max(root.lastModifiedMs, atMs);
    root.changeSeq = ++this.seq;
  }

  private newMessage(channel: StoredChannel, message: NewMessage, replyToId: string | null): StoredMessage {
    if (!this.users.has(message.authorId)) throw new Error(`No user ${message.authorId} in the emulated team`);
    const createdMs = this.freeMillisecond(channel, message.at.getTime());
    return {
      id: String(createdMs),
      replyToId,
      authorId: message.authorId,
      createdMs,
      lastModifiedMs: createdMs,
      lastEditedMs: null,
      deletedMs: null,
      contentType: message.contentType ?? 'html',
      content: message.content,
      mentions: message.mentions ?? [],
      messageType: message.messageType ?? 'message',
    };
  }

  private freeMillisecond(channel: StoredChannel, ms: number): number {
    const taken = new Set(channel.roots.flatMap((root) => [root.id, ...root.replies.map((reply) => reply.id)]));
    let candidate = ms;
    while (taken.has(String(candidate))) candidate += 1;
    return candidate;
  }
}

/** Ids are epoch-millisecond strings: numeric order. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
