import { EmulatedIds } from './emulated-ids';

/** Data of an emulated Mattermost server, stored as Mattermost stores it (times in ms). */

export interface StoredUser {
  id: string;
  username: string;
  nickname: string;
  first_name: string;
  last_name: string;
  is_bot: boolean;
  create_at: number;
}

export interface StoredTeam {
  id: string;
  name: string;
  display_name: string;
  members: Set<string>;
}

export interface StoredChannel {
  id: string;
  team_id: string;
  type: 'O' | 'P' | 'D' | 'G';
  name: string;
  display_name: string;
  header: string;
  purpose: string;
  create_at: number;
  delete_at: number;
  members: Set<string>;
  total_msg_count: number;
  total_msg_count_root: number;
  last_post_at: number;
}

export interface StoredPost {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  user_id: string;
  channel_id: string;
  root_id: string;
  original_id: string;
  message: string;
  type: string;
  props: Record<string, unknown>;
  file_ids: string[];
}

export interface NewPost {
  userId: string;
  message: string;
  at?: Date | number;
  rootId?: string;
  type?: string;
  props?: Record<string, unknown>;
}

const millis = (at: Date | number | undefined): number =>
  at === undefined ? Date.now() : typeof at === 'number' ? at : at.getTime();

/**
 * Users, teams, channels and posts, changed the way Mattermost's store changes them: a reply moves its
 * root's update_at, an edit keeps the old version as a deleted copy naming the original, deleting a
 * root deletes its thread.
 */
export class MattermostWorkspace {
  readonly users = new Map<string, StoredUser>();
  readonly teams = new Map<string, StoredTeam>();
  readonly channels = new Map<string, StoredChannel>();
  readonly posts = new Map<string, StoredPost>();
  /** The token's user: a bot, member of every team and channel unless told otherwise. */
  readonly me: StoredUser;
  /** Posts of each channel in the order they were stored (what a table scan returns). */
  private readonly stored = new Map<string, StoredPost[]>();
  private readonly ids = new EmulatedIds('atlas-mattermost-emulator');

  constructor() {
    this.me = this.addUser({ username: 'atlas-sync', nickname: 'Atlas Sync', isBot: true });
  }

  newId(): string {
    return this.ids.next();
  }

  addUser(user: {
    username: string;
    nickname?: string;
    firstName?: string;
    lastName?: string;
    isBot?: boolean;
  }): StoredUser {
    const stored: StoredUser = {
      id: this.newId(),
      username: user.username,
      nickname: user.nickname ?? '',
      first_name: user.firstName ?? '',
      last_name: user.lastName ?? '',
      is_bot: user.isBot === true,
      create_at: Date.parse('2025-01-01T00:00:00Z'),
    };
    this.users.set(stored.id, stored);
    return stored;
  }

  addTeam(team: { name: string; displayName?: string; withMe?: boolean }): StoredTeam {
    const stored: StoredTeam = {
      id: this.newId(),
      name: team.name,
      display_name: team.displayName ?? team.name,
      members: new Set(team.withMe === false ? [] : [this.me.id]),
    };
    this.teams.set(stored.id, stored);
    return stored;
  }

  addChannel(channel: {
    teamId: string;
    name: string;
    displayName?: string;
    type?: StoredChannel['type'];
    header?: string;
    createdAt?: Date | number;
    /** False for a channel the token's user is not in (a private one then answers 403). */
    withMe?: boolean;
  }): StoredChannel {
    const stored: StoredChannel = {
      id: this.newId(),
      team_id: channel.teamId,
      type: channel.type ?? 'O',
      name: channel.name,
      display_name: channel.displayName ?? channel.name,
      header: channel.header ?? '',
      purpose: '',
      create_at: millis(channel.createdAt),
      delete_at: 0,
      members: new Set(channel.withMe === false ? [] : [this.me.id]),
      total_msg_count: 0,
      total_msg_count_root: 0,
      last_post_at: 0,
    };
    this.channels.set(stored.id, stored);
    this.stored.set(stored.id, []);
    return stored;
  }

  /** Posts in a channel, or replies in the thread of `rootId`. Returns the post. */
  post(channelId: string, post: NewPost): StoredPost {
    const channel = this.channel(channelId);
    const root = post.rootId ? this.postById(post.rootId) : undefined;
    if (post.rootId && (!root || root.channel_id !== channelId || root.root_id !== '')) {
      throw new Error(`No root post ${post.rootId} in ${channelId}`);
    }
    const at = millis(post.at);
    const stored: StoredPost = {
      id: this.newId(),
      create_at: at,
      update_at: at,
      edit_at: 0,
      delete_at: 0,
      user_id: post.userId,
      channel_id: channelId,
      root_id: post.rootId ?? '',
      original_id: '',
      message: post.message,
      type: post.type ?? '',
      props: { ...(post.props ?? {}) },
      file_ids: [],
    };
    this.store(stored);
    channel.total_msg_count += 1;
    if (!root) channel.total_msg_count_root += 1;
    channel.last_post_at = Math.max(channel.last_post_at, at);
    if (root) root.update_at = Math.max(root.update_at, at);
    return stored;
  }

  /** Edits a post's message at `at`, keeping the old version as Mattermost's edit history does. */
  edit(postId: string, message: string, at?: Date | number): StoredPost {
    const post = this.livePost(postId);
    const time = millis(at);
    this.store({
      ...post,
      props: { ...post.props },
      id: this.newId(),
      original_id: post.id,
      delete_at: time,
      update_at: time,
    });
    post.message = message;
    post.edit_at = time;
    post.update_at = time;
    if (post.root_id) this.postById(post.root_id)!.update_at = time;
    return post;
  }

  /** Soft-deletes a post at `at`; a root takes its replies with it. */
  remove(postId: string, at?: Date | number): void {
    const post = this.livePost(postId);
    const time = millis(at);
    for (const candidate of this.stored.get(post.channel_id) ?? []) {
      if (candidate.delete_at !== 0) continue;
      if (candidate.id !== post.id && candidate.root_id !== post.id) continue;
      candidate.delete_at = time;
      candidate.update_at = time;
      candidate.props = { ...candidate.props, deleteBy: this.me.id };
    }
  }

  channel(channelId: string): StoredChannel {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`No channel ${channelId} in the emulated server`);
    return channel;
  }

  postById(postId: string): StoredPost | undefined {
    return this.posts.get(postId);
  }

  /** Every post of the channel in storage order: deleted ones and edit history included. */
  storedPosts(channelId: string): StoredPost[] {
    return this.stored.get(channelId) ?? [];
  }

  /** Posts of the channel a listing shows (not deleted), newest first. */
  livePosts(channelId: string): StoredPost[] {
    return this.storedPosts(channelId)
      .filter((post) => post.delete_at === 0)
      .sort((a, b) => b.create_at - a.create_at || (a.id < b.id ? 1 : -1));
  }

  /** Replies of the thread a post belongs to, as Mattermost counts them (deleted ones not). */
  replyCount(post: StoredPost): number {
    const rootId = post.root_id || post.id;
    return this.storedPosts(post.channel_id).filter((reply) => reply.root_id === rootId && reply.delete_at === 0)
      .length;
  }

  userByUsername(username: string): StoredUser | undefined {
    return [...this.users.values()].find((user) => user.username === username);
  }

  private livePost(postId: string): StoredPost {
    const post = this.posts.get(postId);
    if (!post || post.delete_at !== 0) throw new Error(`No live post ${postId}`);
    return post;
  }

  private store(post: StoredPost): void {
    this.posts.set(post.id, post);
    this.stored.get(post.channel_id)!.push(post);
  }
}
