import { tsToPermalinkId } from './slack-ts';

/** `https://acme.slack.com` from `acme.slack.com`, `https://acme.slack.com/` or a longer workspace URL. */
export function workspaceOrigin(workspaceUrl: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(workspaceUrl) ? workspaceUrl : `https://${workspaceUrl}`;
  return new URL(withScheme).origin;
}

/** `https://acme.slack.com/archives/C123/`: how every permalink of the channel begins. */
export function slackChannelArchive(origin: string, channelId: string): string {
  return `${origin}/archives/${channelId}/`;
}

/**
 * Replies carry the thread in the query, as the links Slack itself hands out do, so that they open
 * inside their thread instead of in the channel.
 */
export function slackPermalink(origin: string, channelId: string, ts: string, threadParentTs: string | null): string {
  const link = `${slackChannelArchive(origin, channelId)}${tsToPermalinkId(ts)}`;
  if (threadParentTs === null) return link;
  return `${link}?${new URLSearchParams({ thread_ts: threadParentTs, cid: channelId })}`;
}
