import { createHash } from 'node:crypto';
import { ChatMessage, ChatWorkspace, renderMentions } from '../chat-fixture';
import type { GraphStore, StoredMention } from './graph-store';

/** The Graph ids the emulator gave the fixture's users, channels and messages, by fixture key. */
export class GraphFixtureIds {
  private readonly users = new Map<string, string>();
  private readonly channels = new Map<string, string>();
  private readonly messages = new Map<string, string>();

  userId(userKey: string): string {
    return required(this.users, userKey, 'user');
  }

  channelId(channelKey: string): string {
    return required(this.channels, channelKey, 'channel');
  }

  messageId(channelKey: string, messageKey: string): string {
    return required(this.messages, `${channelKey}/${messageKey}`, 'message');
  }

  setUser(userKey: string, id: string): void {
    this.users.set(userKey, id);
  }

  setChannel(channelKey: string, id: string): void {
    this.channels.set(channelKey, id);
  }

  setMessage(channelKey: string, messageKey: string, id: string): void {
    this.messages.set(`${channelKey}/${messageKey}`, id);
  }
}

/** Loads the neutral fixture as Teams holds it: users with AAD ids, `19:…@thread.tacv2` channels, HTML bodies. */
export function loadChatWorkspace(store: GraphStore, workspace: ChatWorkspace): GraphFixtureIds {
  const ids = new GraphFixtureIds();
  for (const user of workspace.users) {
    const id = stableGuid(`user:${user.key}`);
    store.addUser({ id, displayName: user.displayName, isBot: user.isBot });
    ids.setUser(user.key, id);
  }
  for (const channel of workspace.channels) {
    const channelId = `19:${stableHex(`channel:${channel.key}`, 32)}@thread.tacv2`;
    store.addChannel({
      id: channelId,
      displayName: channel.name,
      description: null,
      membershipType: 'standard',
      createdMs: channel.createdAt.getTime(),
    });
    ids.setChannel(channel.key, channelId);
    for (const message of channel.messages) {
      postFixtureMessage(store, ids, workspace, channel.key, message);
      for (const reply of message.replies ?? [])
        postFixtureMessage(store, ids, workspace, channel.key, reply, message.key);
    }
  }
  return ids;
}

/** Posts a fixture message (a reply when `parentKey` is given) and records its Graph id. */
export function postFixtureMessage(
  store: GraphStore,
  ids: GraphFixtureIds,
  workspace: ChatWorkspace,
  channelKey: string,
  message: ChatMessage,
  parentKey?: string,
): string {
  const channelId = ids.channelId(channelKey);
  const body = { authorId: ids.userId(message.author), at: message.at, ...teamsHtml(message.text, workspace, ids) };
  const id = parentKey
    ? store.reply(channelId, ids.messageId(channelKey, parentKey), body)
    : store.post(channelId, body);
  ids.setMessage(channelKey, message.key, id);
  return id;
}

/**
 * A fixture text as the Teams client writes it: HTML in a paragraph, each `{@key}` an `<at>` element
 * per word of the display name (Teams splits full names so), all listed in `mentions`.
 */
export function teamsHtml(
  text: string,
  workspace: ChatWorkspace,
  ids: GraphFixtureIds,
): { content: string; mentions: StoredMention[] } {
  const mentions: StoredMention[] = [];
  const marker = '\u0000';
  const withMarkers = renderMentions(text, (key) => `${marker}${key}${marker}`);
  const html = withMarkers
    .split(marker)
    .map((part, index) => {
      if (index % 2 === 0) return escapeHtml(part);
      const user = workspace.users.find((candidate) => candidate.key === part);
      if (!user) throw new Error(`No fixture user ${part}`);
      return user.displayName
        .split(' ')
        .map((word) => {
          const mention = { id: mentions.length, mentionText: word, userId: ids.userId(part) };
          mentions.push(mention);
          return `<at id="${mention.id}">${escapeHtml(word)}</at>`;
        })
        .join('&nbsp;');
    })
    .join('');
  return { content: `<p>${html}</p>`, mentions };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function stableHex(seed: string, length: number): string {
  return createHash('sha1').update(seed).digest('hex').slice(0, length);
}

function stableGuid(seed: string): string {
  const hex = stableHex(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function required(map: Map<string, string>, key: string, what: string): string {
  const value = map.get(key);
  if (value === undefined) throw new Error(`No Graph id for fixture ${what} ${key}`);
  return value;
}
