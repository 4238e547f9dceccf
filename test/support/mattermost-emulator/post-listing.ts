import type { MattermostWorkspace, StoredPost } from './mattermost-workspace';

/** Mattermost's defaults and limits for `page` / `per_page` (web/params.go). */
export const PER_PAGE_DEFAULT = 60;
export const PER_PAGE_MAXIMUM = 200;
/** What a `since` listing holds at most (the store's LIMIT 1000). */
export const SINCE_LIMIT = 1000;

export interface PostListQuery {
  page: number;
  perPage: number;
  before: string | null;
  after: string | null;
  since: number;
  skipFetchThreads: boolean;
}

export interface PostListJson {
  order: string[];
  posts: Record<string, Record<string, unknown>>;
  next_post_id: string;
  prev_post_id: string;
}

/**
 * GET /channels/{id}/posts as Mattermost answers it. `since` > 0 wins over everything else: every post
 * whose update_at is after it, deleted ones and edit history included, the first 1000 the store finds
 * (not the oldest: in storage order), newest first, with the roots of their threads in `posts` only.
 * Otherwise `after`, then `before` (posts created strictly after / before that post, which may be
 * deleted or of another channel, paged by `page` and `per_page`), then plain pages from the newest.
 */
export function listChannelPosts(
  workspace: MattermostWorkspace,
  channelId: string,
  query: PostListQuery,
): PostListJson {
  if (query.since > 0) return sinceList(workspace, channelId, query);

  const live = workspace.livePosts(channelId);
  let listed: StoredPost[];
  if (query.after !== null || query.before !== null) {
    const reference = workspace.postById((query.after ?? query.before)!);
    const candidates = !reference
      ? []
      : query.after !== null
        ? live.filter((post) => post.create_at > reference.create_at).reverse()
        : live.filter((post) => post.create_at < reference.create_at);
    listed = candidates.slice(query.page * query.perPage, (query.page + 1) * query.perPage);
    // Mattermost reads `after` pages oldest first and answers them newest first, like every list.
    if (query.after !== null) listed.reverse();
  } else {
    listed = live.slice(query.page * query.perPage, (query.page + 1) * query.perPage);
  }

  const list = postList(workspace, listed, listed, query.skipFetchThreads);
  return { ...list, ...cursorIds(live, listed, query) };
}

function sinceList(workspace: MattermostWorkspace, channelId: string, query: PostListQuery): PostListJson {
  const changed = workspace
    .storedPosts(channelId)
    .filter((post) => post.update_at > query.since)
    .slice(0, SINCE_LIMIT)
    .sort((a, b) => b.create_at - a.create_at);
  const roots = changed.flatMap((post) => (post.root_id ? [workspace.postById(post.root_id)!] : []));
  return { ...postList(workspace, changed, [...changed, ...roots], true), next_post_id: '', prev_post_id: '' };
}

/** `order` from the listed posts; `posts` with them, the roots of their replies and, unless skipped, whole threads. */
function postList(
  workspace: MattermostWorkspace,
  ordered: StoredPost[],
  included: StoredPost[],
  skipFetchThreads: boolean,
): Pick<PostListJson, 'order' | 'posts'> {
  const posts: Record<string, Record<string, unknown>> = {};
  const add = (post: StoredPost) => (posts[post.id] = postJson(workspace, post));
  included.forEach(add);
  const threadIds = new Set(ordered.flatMap((post) => [post.id, post.root_id]).filter((id) => id !== ''));
  for (const id of threadIds) {
    const post = workspace.postById(id);
    if (post && post.delete_at === 0 && !posts[id]) add(post);
  }
  if (!skipFetchThreads && ordered.length > 0) {
    for (const post of workspace.livePosts(ordered[0].channel_id)) if (threadIds.has(post.root_id)) add(post);
  }
  return { order: ordered.map((post) => post.id), posts };
}

/** next_post_id / prev_post_id as App.AddCursorIdsForPostList sets them. */
function cursorIds(
  live: StoredPost[],
  listed: StoredPost[],
  query: PostListQuery,
): Omit<PostListJson, 'order' | 'posts'> {
  const newest = listed[0];
  const oldest = listed.at(-1);
  const nextAfterNewest = () =>
    newest ? (live.filter((post) => post.create_at > newest.create_at).at(-1)?.id ?? '') : '';
  const prevBeforeOldest = () => (oldest ? (live.find((post) => post.create_at < oldest.create_at)?.id ?? '') : '');
  const short = listed.length < query.perPage;
  if (query.after !== null) {
    return {
      prev_post_id: query.page === 0 ? query.after : prevBeforeOldest(),
      next_post_id: short ? '' : nextAfterNewest(),
    };
  }
  if (query.before !== null) {
    return {
      next_post_id: query.page === 0 ? query.before : nextAfterNewest(),
      prev_post_id: short ? '' : prevBeforeOldest(),
    };
  }
  return { next_post_id: nextAfterNewest(), prev_post_id: prevBeforeOldest() };
}

export function postJson(workspace: MattermostWorkspace, post: StoredPost): Record<string, unknown> {
  return {
    id: post.id,
    create_at: post.create_at,
    update_at: post.update_at,
    edit_at: post.edit_at,
    delete_at: post.delete_at,
    is_pinned: false,
    user_id: post.user_id,
    channel_id: post.channel_id,
    root_id: post.root_id,
    original_id: post.original_id,
    message: post.message,
    type: post.type,
    props: post.props,
    hashtags: '',
    pending_post_id: '',
    reply_count: workspace.replyCount(post),
    last_reply_at: 0,
    participants: null,
    file_ids: post.file_ids,
    metadata: {},
  };
}
