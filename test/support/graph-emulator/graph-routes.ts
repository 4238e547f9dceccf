import {
  Boundary,
  changedAfterFilter,
  decodeState,
  encodeState,
  expandsReplies,
  GraphRequestError,
  pageSize,
} from './graph-paging';
import { channelJson, expandedRootJson, Json, messageJson, removedJson } from './graph-resources';
import { compareIds, GraphStore, StoredChannel, StoredMessage, StoredRoot } from './graph-store';

export interface GraphAnswer {
  status: number;
  body: Json;
}

export interface GraphRouteOptions {
  /** Graph root the links point at, e.g. `http://127.0.0.1:4321/v1.0`. */
  root(): string;
  /** Replies `$expand=replies` includes per root (Graph: 1000). */
  expandedRepliesLimit(): number;
  /** Delta tokens issued before this time (ms) answer 410 Gone. */
  deltaTokensExpireBefore(): number;
}

/** Which application permission each route needs (one of them, as Graph lists them in a 403). */
export const MESSAGE_PERMISSIONS = ['ChannelMessage.Read.All', 'ChannelMessage.Read.Group', 'Group.Read.All'];
export const CHANNEL_PERMISSIONS = ['Channel.ReadBasic.All', 'ChannelSettings.Read.All', 'Group.Read.All'];

interface ListState {
  before: Boundary;
  top: number;
  expand: boolean;
}
interface RepliesState {
  root: string;
  before: Boundary;
  top: number;
}
/** A delta round: changes after `fromSeq` (or after `changedAfterMs`), up to `snapshotSeq`, paged by seq. */
interface DeltaState {
  fromSeq: number | null;
  changedAfterMs: number | null;
  snapshotSeq: number;
  afterSeq: number;
  top: number;
  expand: boolean;
}
interface DeltaToken {
  seq: number;
  top: number;
  expand: boolean;
  issuedMs: number;
}

/** The Graph v1.0 routes of channels and channel messages the emulator serves (GET only). */
export class GraphRoutes {
  constructor(
    private readonly store: GraphStore,
    private readonly options: GraphRouteOptions,
  ) {}

  /** Permissions the route needs, so the emulator can answer 403 before serving it. */
  permissionsFor(segments: string[]): string[] {
    return segments.length > 4 ? MESSAGE_PERMISSIONS : CHANNEL_PERMISSIONS;
  }

  handle(segments: string[], query: URLSearchParams): GraphAnswer {
    const [teams, teamId, channels, channelId, messages, messageId, replies, ...rest] = segments;
    if (teams !== 'teams' || teamId === undefined || channels !== 'channels' || rest.length > 1) {
      throw new GraphRequestError(400, 'BadRequest', `Resource not found for the segment '${segments.at(-1) ?? ''}'.`);
    }
    if (teamId !== this.store.teamId)
      throw new GraphRequestError(404, 'NotFound', `No team found with Group Id ${teamId}`);
    if (channelId === undefined) return this.listChannels();
    const channel = this.store.channels.get(channelId);
    if (!channel) throw new GraphRequestError(404, 'NotFound', `Channel ${channelId} was not found in team ${teamId}.`);
    if (messages === undefined) return ok(channelJson(this.store, channel));
    if (messages !== 'messages')
      throw new GraphRequestError(400, 'BadRequest', `Resource not found for the segment '${messages}'.`);
    if (messageId === undefined) return this.listMessages(channel, query);
    if (messageId === 'delta' && replies === undefined) return this.delta(channel, query);
    const root = this.store.findRoot(channel, messageId);
    if (!root)
      throw new GraphRequestError(404, 'NotFound', `Message ${messageId} was not found in channel ${channelId}.`);
    if (replies === undefined) return ok(messageJson(this.store, channel, root));
    if (replies !== 'replies')
      throw new GraphRequestError(400, 'BadRequest', `Resource not found for the segment '${replies}'.`);
    if (rest.length === 0) return this.listReplies(channel, root, query);
    const reply = root.replies.find((candidate) => candidate.id === rest[0]);
    if (!reply) throw new GraphRequestError(404, 'NotFound', `Reply ${rest[0]} was not found.`);
    return ok(messageJson(this.store, channel, reply));
  }

  private listChannels(): GraphAnswer {
    const value = [...this.store.channels.values()].map((channel) => channelJson(this.store, channel));
    return ok({
      '@odata.context': `${this.options.root()}/$metadata#teams('${this.store.teamId}')/channels`,
      '@odata.count': value.length,
      value,
    });
  }

  /** Root messages, newest first, each with its replies when `$expand=replies`. */
  private listMessages(channel: StoredChannel, query: URLSearchParams): GraphAnswer {
    const skipToken = query.get('$skiptoken');
    const state: ListState | null = skipToken ? decodeState<ListState>(skipToken, 'list') : null;
    const top = state?.top ?? pageSize(query);
    const expand = state?.expand ?? expandsReplies(query);
    const remaining = newestFirst(channel.roots).filter((root) => !state || isOlder(root, state.before));
    const page = remaining.slice(0, top);
    const next =
      remaining.length > top
        ? `${this.messagesPath(channel)}?$skiptoken=${encodeState('list', { before: boundary(page.at(-1)!), top, expand })}`
        : undefined;
    return ok({
      '@odata.context': `${this.options.root()}/$metadata#teams('${this.store.teamId}')/channels('${encodeURIComponent(channel.id)}')/messages`,
      '@odata.count': page.length,
      ...(next ? { '@odata.nextLink': next } : {}),
      value: page.map((root) => this.rootJson(channel, root, expand)),
    });
  }

  /** A thread's replies, newest first. */
  private listReplies(channel: StoredChannel, root: StoredRoot, query: URLSearchParams): GraphAnswer {
    const skipToken = query.get('$skiptoken');
    const state: RepliesState | null = skipToken ? decodeState<RepliesState>(skipToken, 'replies') : null;
    if (state && state.root !== root.id) throw new GraphRequestError(400, 'BadRequest', 'The skip token is invalid.');
    const top = state?.top ?? pageSize(query);
    const remaining = newestFirst(root.replies).filter((reply) => !state || isOlder(reply, state.before));
    const page = remaining.slice(0, top);
    return ok({
      '@odata.context': `${this.options.root()}/$metadata#teams('${this.store.teamId}')/channels('${encodeURIComponent(channel.id)}')/messages('${root.id}')/replies`,
      '@odata.count': page.length,
      ...(remaining.length > top ? { '@odata.nextLink': this.repliesLink(channel, root, page.at(-1)!, top) } : {}),
      value: page.map((reply) => messageJson(this.store, channel, reply)),
    });
  }

  /**
   * The delta query: reply chains changed in the round, in the order they last changed, roots deleted
   * for good as `@removed`. The round's end is fixed by its first request; what changes later is for
   * the next round, which the deltaLink opens.
   */
  private delta(channel: StoredChannel, query: URLSearchParams): GraphAnswer {
    const state = this.deltaState(query);
    const entries = [
      ...channel.roots.map((root) => ({ seq: root.changeSeq, changedMs: root.lastModifiedMs, root, removedId: null })),
      ...channel.removed.map((gone) => ({
        seq: gone.changeSeq,
        changedMs: gone.removedMs,
        root: null,
        removedId: gone.id,
      })),
    ]
      .filter((entry) => entry.seq > state.afterSeq && entry.seq <= state.snapshotSeq)
      .filter((entry) => state.fromSeq === null || entry.seq > state.fromSeq)
      .filter((entry) => state.changedAfterMs === null || entry.changedMs > state.changedAfterMs)
      .sort((a, b) => a.seq - b.seq);
    const page = entries.slice(0, state.top);
    const deltaPath = `${this.messagesPath(channel)}/delta`;
    const link =
      entries.length > state.top
        ? {
            '@odata.nextLink': `${deltaPath}?$skiptoken=${encodeState('delta', { ...state, afterSeq: page.at(-1)!.seq })}`,
          }
        : {
            '@odata.deltaLink': `${deltaPath}?$deltatoken=${encodeState('deltatoken', {
              seq: state.snapshotSeq,
              top: state.top,
              expand: state.expand,
              issuedMs: Date.now(),
            } satisfies DeltaToken)}`,
          };
    return ok({
      '@odata.context': `${this.options.root()}/$metadata#Collection(chatMessage)`,
      ...link,
      value: page.map((entry) =>
        entry.root ? this.rootJson(channel, entry.root, state.expand) : removedJson(entry.removedId!),
      ),
    });
  }

  private deltaState(query: URLSearchParams): DeltaState {
    const skipToken = query.get('$skiptoken');
    if (skipToken) return decodeState<DeltaState>(skipToken, 'delta');
    const snapshotSeq = this.store.currentSeq;
    const deltaToken = query.get('$deltatoken');
    if (deltaToken) {
      const token = decodeState<DeltaToken>(deltaToken, 'deltatoken');
      if (token.issuedMs < this.options.deltaTokensExpireBefore()) {
        throw new GraphRequestError(
          410,
          'SyncStateNotFound',
          'The delta token has expired. Start a new round of change tracking.',
        );
      }
      return {
        fromSeq: token.seq,
        changedAfterMs: null,
        snapshotSeq,
        afterSeq: 0,
        top: token.top,
        expand: token.expand,
      };
    }
    return {
      fromSeq: null,
      changedAfterMs: changedAfterFilter(query),
      snapshotSeq,
      afterSeq: 0,
      top: pageSize(query),
      expand: expandsReplies(query),
    };
  }

  private rootJson(channel: StoredChannel, root: StoredRoot, expand: boolean): Json {
    if (!expand) return messageJson(this.store, channel, root);
    // Graph's link past the expansion names no page size: its default applies.
    return expandedRootJson(this.store, channel, root, this.options.expandedRepliesLimit(), (thread, after) =>
      this.repliesLink(channel, thread, after, 20),
    );
  }

  private repliesLink(channel: StoredChannel, root: StoredRoot, after: StoredMessage, top: number): string {
    const state: RepliesState = { root: root.id, before: boundary(after), top };
    return `${this.messagesPath(channel)}/${root.id}/replies?$skiptoken=${encodeState('replies', state)}`;
  }

  private messagesPath(channel: StoredChannel): string {
    return `${this.options.root()}/teams/${this.store.teamId}/channels/${encodeURIComponent(channel.id)}/messages`;
  }
}

function ok(body: Json): GraphAnswer {
  return { status: 200, body };
}

function newestFirst<T extends StoredMessage>(messages: T[]): T[] {
  return [...messages].sort((a, b) => b.createdMs - a.createdMs || compareIds(b.id, a.id));
}

function boundary(message: StoredMessage): Boundary {
  return { ms: message.createdMs, id: message.id };
}

function isOlder(message: StoredMessage, before: Boundary): boolean {
  return message.createdMs < before.ms || (message.createdMs === before.ms && compareIds(message.id, before.id) < 0);
}
