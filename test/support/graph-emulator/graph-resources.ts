import type { GraphStore, StoredChannel, StoredMessage, StoredRoot } from './graph-store';

/** Graph's JSON for the emulator's data, in the shapes of Graph v1.0. */

export type Json = Record<string, unknown>;

export function channelJson(store: GraphStore, channel: StoredChannel): Json {
  return {
    id: channel.id,
    createdDateTime: iso(channel.createdMs),
    displayName: channel.displayName,
    description: channel.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId: store.tenantId,
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/${encodeURIComponent(
      channel.displayName,
    )}?groupId=${store.teamId}&tenantId=${store.tenantId}`,
    membershipType: channel.membershipType,
  };
}

export function messageJson(store: GraphStore, channel: StoredChannel, message: StoredMessage): Json {
  const deleted = message.deletedMs !== null;
  const rootId = message.replyToId ?? message.id;
  return {
    id: message.id,
    replyToId: message.replyToId,
    etag: String(message.lastModifiedMs),
    messageType: message.messageType,
    createdDateTime: iso(message.createdMs),
    lastModifiedDateTime: iso(message.lastModifiedMs),
    lastEditedDateTime: message.lastEditedMs === null ? null : iso(message.lastEditedMs),
    deletedDateTime: deleted ? iso(message.deletedMs!) : null,
    subject: null,
    summary: null,
    chatId: null,
    importance: 'normal',
    locale: 'en-us',
    webUrl:
      `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${message.id}` +
      `?groupId=${store.teamId}&tenantId=${store.tenantId}&createdTime=${message.id}&parentMessageId=${rootId}`,
    policyViolation: null,
    eventDetail: null,
    from: message.messageType === 'message' ? identitySet(store, message.authorId) : null,
    body: { contentType: deleted ? 'html' : message.contentType, content: message.content },
    channelIdentity: { teamId: store.teamId, channelId: channel.id },
    attachments: [],
    mentions: message.mentions.map((mention) => ({
      id: mention.id,
      mentionText: mention.mentionText,
      mentioned: { application: null, device: null, conversation: null, user: userIdentity(store, mention.userId) },
    })),
    reactions: [],
    messageHistory: [],
  };
}

/** A root with `$expand=replies`: up to `limit` replies, newest first, and a link to the others. */
export function expandedRootJson(
  store: GraphStore,
  channel: StoredChannel,
  root: StoredRoot,
  limit: number,
  moreRepliesLink: (root: StoredRoot, afterReply: StoredMessage) => string,
): Json {
  const newestFirst = [...root.replies].reverse();
  const inline = newestFirst.slice(0, limit);
  return {
    ...messageJson(store, channel, root),
    'replies@odata.count': inline.length,
    ...(newestFirst.length > inline.length ? { 'replies@odata.nextLink': moreRepliesLink(root, inline.at(-1)!) } : {}),
    replies: inline.map((reply) => messageJson(store, channel, reply)),
  };
}

export function removedJson(id: string): Json {
  return { '@odata.type': '#microsoft.graph.chatMessage', id, '@removed': { reason: 'deleted' } };
}

function identitySet(store: GraphStore, userId: string): Json {
  const user = store.users.get(userId);
  if (user?.isBot) {
    return {
      application: {
        '@odata.type': '#microsoft.graph.teamworkApplicationIdentity',
        id: user.id,
        displayName: user.displayName,
        applicationIdentityType: 'bot',
      },
      device: null,
      user: null,
    };
  }
  return { application: null, device: null, user: userIdentity(store, userId) };
}

function userIdentity(store: GraphStore, userId: string): Json {
  return {
    '@odata.type': '#microsoft.graph.teamworkUserIdentity',
    id: userId,
    displayName: store.users.get(userId)?.displayName ?? null,
    userIdentityType: 'aadUser',
    tenantId: store.tenantId,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
