import { PlatformError } from '../platform-error';
import { nextCursor, SlackApiClient } from './slack-api-client';
import { SlackUserSummary, summarizeSlackUser } from './slack-message';

/**
 * The workspace's users by id. The whole list is read once (users.list); ids it lacks, such as users of
 * other workspaces in shared channels, are asked for one by one (users.info) and remembered, including
 * the ones Slack does not know.
 */
export class SlackUserDirectory {
  private readonly users = new Map<string, SlackUserSummary | null>();
  private listing: Promise<void> | null = null;

  constructor(private readonly api: SlackApiClient) {}

  async load(userIds: Iterable<string>, signal?: AbortSignal): Promise<void> {
    await this.loadList(signal);
    for (const userId of userIds) {
      if (!this.users.has(userId)) this.users.set(userId, await this.lookUp(userId, signal));
    }
  }

  /** A loaded user; undefined when Slack does not know the id or it was never loaded. */
  get(userId: string): SlackUserSummary | undefined {
    return this.users.get(userId) ?? undefined;
  }

  private loadList(signal: AbortSignal | undefined): Promise<void> {
    this.listing ??= this.readList(signal).catch((error: unknown) => {
      this.listing = null;
      throw error;
    });
    return this.listing;
  }

  private async readList(signal: AbortSignal | undefined): Promise<void> {
    let cursor: string | null = null;
    do {
      const page = await this.api.usersList(cursor, signal);
      for (const user of page.members) this.users.set(user.id, summarizeSlackUser(user));
      cursor = nextCursor(page);
    } while (cursor !== null);
  }

  private async lookUp(userId: string, signal: AbortSignal | undefined): Promise<SlackUserSummary | null> {
    try {
      const { user } = await this.api.usersInfo(userId, signal);
      return summarizeSlackUser(user);
    } catch (error) {
      if (error instanceof PlatformError && error.options.platformCode === 'user_not_found') return null;
      throw error;
    }
  }
}
