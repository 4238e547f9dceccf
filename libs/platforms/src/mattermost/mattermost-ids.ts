/**
 * Mattermost ids (users, channels, posts, teams) are 26 lowercase base32 characters; the server accepts
 * any 26 letters and digits as well formed, so this does too.
 */
const MATTERMOST_ID = /^[a-z0-9]{26}$/i;

export function isMattermostId(value: unknown): value is string {
  return typeof value === 'string' && MATTERMOST_ID.test(value);
}
