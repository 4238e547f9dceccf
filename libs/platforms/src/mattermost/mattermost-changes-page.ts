import type { MattermostApiClient } from './mattermost-api-client';
import { advanceMark, ChangeMark, isAfterMark } from './mattermost-cursor';
import { postsInOrder } from './mattermost-history-page';
import type { ChangesPosition } from './mattermost-page-token';
import { isEditHistoryCopy } from './mattermost-post';
import type { MattermostPost } from './mattermost-types';

/** Most changes a `since` answer holds: beyond, the server returns an arbitrary 1000 of them. */
export const SINCE_LIMIT = 1000;
export const CHANGES_PAGE_SIZE = 200;

export interface ChangesPage {
  /** New, edited and deleted posts, oldest change first. */
  posts: MattermostPost[];
  next: ChangesPosition | null;
  /** Where the changes stand once this page is stored. */
  mark: ChangeMark;
  /** Changes of the whole fetch: those published before this page and those still listed. */
  estimatedTotal: number;
}

/**
 * One page of what changed in a channel after a mark, read with `since`: Mattermost answers every post
 * created, edited or deleted after that time (deleted ones with delete_at set, new replies of old
 * threads included), with no paging of its own. Pages are cut from it in change order, each asking
 * again from the last change published, so posts changing meanwhile are picked up, not skipped.
 *
 * Null when the answer is full: past 1000 changes the server picks which ones it returns, and no page
 * of them can be trusted to hold the oldest; the caller walks the whole history instead.
 */
export async function readChangesPage(
  api: MattermostApiClient,
  channelId: string,
  position: ChangesPosition,
  signal: AbortSignal,
): Promise<ChangesPage | null> {
  // `since` is exclusive and 0 means "no since": ask from just before the mark, never below 1.
  const since = Math.max(1, position.after.at - 1);
  const list = await api.channelPosts(channelId, { since }, signal);
  if (list.order.length >= SINCE_LIMIT) return null;

  const changes = postsInOrder(list)
    .filter((post) => !isEditHistoryCopy(post) && isAfterMark(position.after, post))
    .sort(byChange);
  const posts = changes.slice(0, CHANGES_PAGE_SIZE);
  const mark = advanceMark(position.after, posts);
  const next: ChangesPosition | null =
    changes.length > posts.length ? { kind: 'changes', after: mark, emitted: position.emitted + posts.length } : null;
  return { posts, next, mark, estimatedTotal: position.emitted + changes.length };
}

function byChange(a: MattermostPost, b: MattermostPost): number {
  return a.update_at - b.update_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
