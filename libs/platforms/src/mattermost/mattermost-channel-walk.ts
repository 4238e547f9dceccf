import type { NormalizedMessage } from '@atlas/events';
import type { FetchedPage, FetchRequest } from '../connector';
import type { MattermostApiClient } from './mattermost-api-client';
import { readChangesPage } from './mattermost-changes-page';
import { decodeMattermostCursor, encodeMattermostCursor } from './mattermost-cursor';
import { FIRST_HISTORY_PAGE, readHistoryPage } from './mattermost-history-page';
import { decodeMattermostPageToken, encodeMattermostPageToken, MattermostPagePosition } from './mattermost-page-token';
import { normalizeMattermostPost, peopleNamedBy } from './mattermost-post';
import type { MattermostPost } from './mattermost-types';
import type { MattermostUserDirectory } from './mattermost-user-directory';

/** What the walk knows of the channel before its first page. */
export interface MattermostChannelFacts {
  /** Posts ever made in it (GET /channels/{id}), the estimate of a whole-history fetch. */
  totalMessages: number | null;
  /** `{server}/{team name}`, the base of permalinks; null when the channel belongs to no team. */
  permalinkBase: string | null;
}

/**
 * Walks a channel: the whole history newest first (no cursor yet), or what changed after the cursor,
 * oldest change first. Every page yielded carries the position of the next one, so a fresh process
 * can continue from any page; a cursor the connector cannot read, or more changes than Mattermost
 * lists at once, sends the walk through the whole history instead.
 */
export class MattermostChannelWalk {
  constructor(
    private readonly api: MattermostApiClient,
    private readonly users: MattermostUserDirectory,
    private readonly facts: MattermostChannelFacts,
    private readonly request: FetchRequest,
  ) {}

  async *pages(): AsyncGenerator<FetchedPage> {
    const { resume, since, signal, channelId } = this.request;
    let position: MattermostPagePosition | null = resume?.token
      ? decodeMattermostPageToken(resume.token)
      : this.startingPosition(since);
    let skip = resume?.skip ?? 0;
    let cursor = resume?.cursor ?? since;

    while (position !== null) {
      if (position.kind === 'changes') {
        const page = await readChangesPage(this.api, channelId, position, signal);
        if (page === null) {
          // The page at the token is no longer the one to skip into.
          position = FIRST_HISTORY_PAGE;
          skip = 0;
          continue;
        }
        cursor = encodeMattermostCursor(page.mark);
        yield {
          messages: await this.normalize(page.posts.slice(skip)),
          nextToken: page.next && encodeMattermostPageToken(page.next),
          cursor,
          estimatedTotal: page.estimatedTotal,
        };
        position = page.next;
      } else {
        const page = await readHistoryPage(this.api, channelId, position, signal);
        if (page.mark) cursor = encodeMattermostCursor(page.mark);
        yield {
          messages: await this.normalize(page.posts.slice(skip)),
          nextToken: page.next && encodeMattermostPageToken(page.next),
          cursor,
          estimatedTotal: this.facts.totalMessages,
        };
        position = page.next;
      }
      skip = 0;
    }
  }

  private startingPosition(since: string | null): MattermostPagePosition {
    const mark = since === null ? null : decodeMattermostCursor(since);
    return mark ? { kind: 'changes', after: mark, emitted: 0 } : FIRST_HISTORY_PAGE;
  }

  private async normalize(posts: MattermostPost[]): Promise<NormalizedMessage[]> {
    const userIds: string[] = [];
    const usernames: string[] = [];
    for (const post of posts) {
      const named = peopleNamedBy(post);
      userIds.push(...named.userIds);
      usernames.push(...named.usernames);
    }
    await this.users.load(userIds, usernames, this.request.signal);
    const { permalinkBase } = this.facts;
    return posts.map((post) =>
      normalizeMattermostPost(post, {
        channelId: this.request.channelId,
        user: (id) => this.users.user(id),
        userByName: (username) => this.users.byName(username),
        permalink: (postId) => (permalinkBase === null ? null : `${permalinkBase}/pl/${postId}`),
        fileUrl: (fileId) => `${this.api.apiRoot}/files/${fileId}`,
      }),
    );
  }
}
