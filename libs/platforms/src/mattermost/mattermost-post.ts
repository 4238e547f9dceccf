import type { MessageAttachment, NormalizedMessage } from '@atlas/events';
import { mentionCandidates, renderMattermostText } from './mattermost-text';
import type { MattermostPost } from './mattermost-types';
import type { MattermostUserSummary } from './mattermost-user-directory';

/** What normalizing a post needs beyond the post itself. */
export interface MattermostPostContext {
  channelId: string;
  user(userId: string): MattermostUserSummary | undefined;
  userByName(username: string): MattermostUserSummary | undefined;
  permalink(postId: string): string | null;
  fileUrl(fileId: string): string;
}

/** Posts Mattermost keeps as the earlier versions of an edited post: history, not messages. */
export function isEditHistoryCopy(post: MattermostPost): boolean {
  return typeof post.original_id === 'string' && post.original_id !== '';
}

/** The user ids and usernames a post names, for loading them before normalizing it. */
export function peopleNamedBy(post: MattermostPost): { userIds: string[]; usernames: string[] } {
  return {
    userIds: post.user_id ? [post.user_id] : [],
    usernames: post.delete_at > 0 ? [] : mentionCandidates(postText(post)),
  };
}

export function normalizeMattermostPost(post: MattermostPost, context: MattermostPostContext): NormalizedMessage {
  const author = post.user_id ? context.user(post.user_id) : undefined;
  const deleted = post.delete_at > 0;
  const rendered = deleted
    ? { text: '', mentions: [] }
    : renderMattermostText(postText(post), (username) => {
        const user = context.userByName(username);
        return user && { id: user.id, name: user.name };
      });
  const threadParentId = post.root_id ? post.root_id : null;
  return {
    id: post.id,
    channel_id: context.channelId,
    author_id: post.user_id || null,
    author_name: overrideUsername(post) ?? author?.name ?? (post.user_id || null),
    text: rendered.text,
    timestamp: new Date(post.create_at).toISOString(),
    thread_parent_id: threadParentId,
    reply_count: threadParentId === null && !deleted ? (post.reply_count ?? 0) : 0,
    edited: post.edit_at > 0,
    edited_at: post.edit_at > 0 ? new Date(post.edit_at).toISOString() : null,
    deleted,
    attachments: deleted ? [] : attachmentsOf(post, context),
    permalink: context.permalink(post.id),
    mentions: rendered.mentions,
    subtype: post.type ? post.type : null,
    is_bot: post.props?.from_bot === 'true' || post.props?.from_webhook === 'true' || author?.isBot === true,
  };
}

/** Integrations often post an empty message and put their content in message attachments. */
function postText(post: MattermostPost): string {
  if (post.message) return post.message;
  const attachments = Array.isArray(post.props?.attachments) ? post.props.attachments : [];
  return attachments
    .map((attachment) =>
      [attachment?.pretext, attachment?.title, attachment?.text || attachment?.fallback]
        .filter((part): part is string => typeof part === 'string' && part !== '')
        .join('\n'),
    )
    .filter((text) => text !== '')
    .join('\n');
}

/** Webhooks and bots may post under a name of their own; Mattermost shows it instead of the account's. */
function overrideUsername(post: MattermostPost): string | undefined {
  const name = post.props?.override_username;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

function attachmentsOf(post: MattermostPost, context: MattermostPostContext): MessageAttachment[] {
  const files = post.metadata?.files;
  if (Array.isArray(files) && files.length > 0) {
    return files.map((file) => ({
      name: file.name || file.id,
      url: context.fileUrl(file.id),
      mime_type: file.mime_type || null,
      size: typeof file.size === 'number' ? file.size : null,
    }));
  }
  // Older servers send only the ids.
  return (post.file_ids ?? []).map((id) => ({ name: id, url: context.fileUrl(id), mime_type: null, size: null }));
}
