import type { MattermostApiClient } from './mattermost-api-client';
import type { MattermostUser } from './mattermost-types';

export interface MattermostUserSummary {
  id: string;
  username: string;
  /** The name people see: see summarizeMattermostUser. */
  name: string;
  isBot: boolean;
}

/** Ids or usernames asked for in one request. */
const LOOKUP_BATCH = 100;

/**
 * The name a person is known by: the nickname when they set one (it is what they chose to be called),
 * otherwise their first and last name, otherwise their username. Mattermost's own display setting
 * ("Teammate Name Display") is per viewer, so it cannot be followed here.
 */
export function summarizeMattermostUser(user: MattermostUser): MattermostUserSummary {
  const fullName = [user.first_name, user.last_name]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  return {
    id: user.id,
    username: user.username,
    name: user.nickname?.trim() || fullName || user.username || user.id,
    isBot: user.is_bot === true,
  };
}

/**
 * Users by id and by username, asked for in batches as pages name them, and remembered, including the
 * ones Mattermost does not know (a mention of a word that is nobody's username).
 */
export class MattermostUserDirectory {
  private readonly byId = new Map<string, MattermostUserSummary | null>();
  private readonly byUsername = new Map<string, MattermostUserSummary | null>();

  constructor(private readonly api: MattermostApiClient) {}

  async load(userIds: Iterable<string>, usernames: Iterable<string>, signal?: AbortSignal): Promise<void> {
    const missingIds = [...new Set(userIds)].filter((id) => id !== '' && !this.byId.has(id));
    for (const batch of batches(missingIds)) {
      const found = await this.api.usersByIds(batch, signal);
      this.remember(found);
      for (const id of batch) if (!this.byId.has(id)) this.byId.set(id, null);
    }
    const missingNames = [...new Set(usernames)].filter((name) => !this.byUsername.has(name));
    for (const batch of batches(missingNames)) {
      const found = await this.api.usersByUsernames(batch, signal);
      this.remember(found);
      for (const name of batch) if (!this.byUsername.has(name)) this.byUsername.set(name, null);
    }
  }

  user(userId: string): MattermostUserSummary | undefined {
    return this.byId.get(userId) ?? undefined;
  }

  byName(username: string): MattermostUserSummary | undefined {
    return this.byUsername.get(username.toLowerCase()) ?? undefined;
  }

  private remember(users: MattermostUser[]): void {
    for (const user of users) {
      if (typeof user?.id !== 'string' || typeof user.username !== 'string') continue;
      const summary = summarizeMattermostUser(user);
      this.byId.set(user.id, summary);
      this.byUsername.set(user.username.toLowerCase(), summary);
    }
  }
}

function batches<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += LOOKUP_BATCH) {
    result.push(items.slice(start, start + LOOKUP_BATCH));
  }
  return result;
}
