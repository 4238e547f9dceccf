import { MATTERMOST_MAX_PER_PAGE, MattermostApiClient } from './mattermost-api-client';
import type { ChangeMark } from './mattermost-cursor';
import type { HistoryPosition } from './mattermost-page-token';
import type { MattermostPost, MattermostPostList } from './mattermost-types';

export const FIRST_HISTORY_PAGE: HistoryPosition = { kind: 'history', before: null, page: 0, skipIds: [] };

export interface HistoryPage {
  /** The page's posts to publish, newest first: roots and replies alike, as the channel lists them. */
  posts: MattermostPost[];
  next: HistoryPosition | null;
  /**
   * On the walk's first page, the change mark a later incremental fetch starts from: the newest change
   * among the newest posts. Whatever changes after this page was read changes after the mark, so it is
   * not lost; a post changed earlier but found deeper in the walk may come once more next time.
   */
  mark: ChangeMark | null;
}

/**
 * One page of a channel's history, newest first. Mattermost's channel listing holds every post of the
 * channel, thread replies included (each names its root), so the history alone covers the threads.
 */
export async function readHistoryPage(
  api: MattermostApiClient,
  channelId: string,
  position: HistoryPosition,
  signal: AbortSignal,
): Promise<HistoryPage> {
  const list = await api.channelPosts(
    channelId,
    { before: position.before, page: position.page, perPage: MATTERMOST_MAX_PER_PAGE },
    signal,
  );
  const listed = postsInOrder(list);
  const isFirstPage = position.before === null && position.page === 0;
  return {
    posts: listed.filter((post) => !position.skipIds.includes(post.id)),
    next: nextHistoryPosition(position, listed, list.prev_post_id),
    mark: isFirstPage ? newestChange(listed) : null,
  };
}

/** The posts a list names in `order`; `posts` also holds the thread roots of its replies, listed or not. */
export function postsInOrder(list: MattermostPostList): MattermostPost[] {
  return list.order.map((id) => list.posts[id]).filter((post): post is MattermostPost => post !== undefined);
}

export function nextHistoryPosition(
  position: HistoryPosition,
  listed: MattermostPost[],
  prevPostId: string | undefined,
): HistoryPosition | null {
  const oldest = listed.at(-1);
  // A short page is the last, unless the server clamped per_page lower and says older posts exist.
  if (!oldest || (listed.length < MATTERMOST_MAX_PER_PAGE && !prevPostId)) return null;
  const anchor = listed.findLast((post) => post.create_at > oldest.create_at);
  if (anchor) {
    const skipIds = listed.filter((post) => post.create_at === oldest.create_at).map((post) => post.id);
    return { kind: 'history', before: anchor.id, page: 0, skipIds };
  }
  return { ...position, page: position.page + 1 };
}

function newestChange(posts: MattermostPost[]): ChangeMark | null {
  if (posts.length === 0) return null;
  const at = Math.max(...posts.map((post) => post.update_at));
  return { at, ids: posts.filter((post) => post.update_at === at).map((post) => post.id) };
}
