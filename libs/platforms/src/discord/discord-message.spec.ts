import { discordDisplayName, messageSubtype, normalizeDiscordMessage, repliedTo } from './discord-message';
import type { DiscordMessage } from './discord-types';

const ana = { id: '111', username: 'ana.souza', global_name: 'Ana' };
const ben = { id: '222', username: 'ben.okafor', global_name: null };

function message(overrides: Partial<DiscordMessage> = {}): DiscordMessage {
  return {
    id: '1477953611366400000',
    channel_id: '900',
    type: 0,
    author: ana,
    content: 'Can <@222> look at <#901>?',
    timestamp: '2026-03-02T09:00:00.000000+00:00',
    edited_timestamp: null,
    mentions: [ben],
    attachments: [],
    embeds: [],
    ...overrides,
  };
}

const context = {
  channelId: '900',
  threadId: null,
  replyCount: 0,
  roleName: () => undefined,
  channelName: (id: string) => (id === '901' ? 'design' : undefined),
  permalink: (linked: DiscordMessage) => `https://discord.com/channels/800/${linked.channel_id}/${linked.id}`,
};

describe('normalizeDiscordMessage', () => {
  it('normalizes a plain message', () => {
    expect(normalizeDiscordMessage(message(), { ...context, replyCount: 3 })).toEqual({
      id: '1477953611366400000',
      channel_id: '900',
      author_id: '111',
      author_name: 'Ana',
      text: 'Can @ben.okafor look at #design?',
      timestamp: '2026-03-02T09:00:00.000Z',
      thread_parent_id: null,
      reply_count: 3,
      edited: false,
      edited_at: null,
      deleted: false,
      attachments: [],
      permalink: 'https://discord.com/channels/800/900/1477953611366400000',
      mentions: [{ id: '222', name: 'ben.okafor' }],
      subtype: null,
      is_bot: false,
    });
  });

  it('stores thread messages under the channel, as replies to the starter', () => {
    const reply = normalizeDiscordMessage(message({ channel_id: '1478000000000000000' }), {
      ...context,
      threadId: '1478000000000000000',
    });
    expect(reply.channel_id).toBe('900');
    expect(reply.thread_parent_id).toBe('1478000000000000000');
    expect(reply.permalink).toBe('https://discord.com/channels/800/1478000000000000000/1477953611366400000');
  });

  it('reads edits, attachments, bots, webhooks and embeds', () => {
    const normalized = normalizeDiscordMessage(
      message({
        author: { id: '333', username: 'deploybot', global_name: null, bot: true },
        content: '',
        edited_timestamp: '2026-03-03T10:00:00.123000+00:00',
        embeds: [{ title: 'Deployed', description: 'v2 is live' }, { url: 'https://x' }],
        attachments: [{ id: '5', filename: 'log.txt', size: 12, url: 'https://cdn/x', content_type: 'text/plain' }],
      }),
      context,
    );
    expect(normalized).toMatchObject({
      author_name: 'deploybot',
      is_bot: true,
      text: 'Deployed\nv2 is live',
      edited: true,
      edited_at: '2026-03-03T10:00:00.123Z',
      attachments: [{ name: 'log.txt', url: 'https://cdn/x', mime_type: 'text/plain', size: 12 }],
    });
    expect(normalizeDiscordMessage(message({ webhook_id: '77' }), context).is_bot).toBe(true);
  });

  it('takes the time from the id when the timestamp is unreadable', () => {
    expect(normalizeDiscordMessage(message({ timestamp: 'soon' }), context).timestamp).toBe('2026-03-02T09:00:00.000Z');
  });
});

describe('repliedTo', () => {
  const reference = (value: DiscordMessage['message_reference']) => repliedTo(message({ message_reference: value }));

  it('links inline replies in the same channel, typed or from before reference types', () => {
    expect(reference({ type: 0, message_id: '5', channel_id: '900' })).toBe('5');
    expect(reference({ message_id: '5', channel_id: '900' })).toBe('5');
    expect(reference({ message_id: '5' })).toBe('5');
  });

  it('ignores forwards, references to other channels, and messages without one', () => {
    expect(reference({ type: 1, message_id: '5', channel_id: '900' })).toBeNull();
    expect(reference({ type: 0, message_id: '5', channel_id: '901' })).toBeNull();
    expect(reference(undefined)).toBeNull();
  });
});

describe('names and subtypes', () => {
  it('prefers the guild nickname, then the display name, then the username', () => {
    expect(discordDisplayName(ana, { nick: 'Ani' })).toBe('Ani');
    expect(discordDisplayName(ana)).toBe('Ana');
    expect(discordDisplayName(ben, { nick: null })).toBe('ben.okafor');
  });

  it('names system messages and leaves what people write without subtype', () => {
    expect(messageSubtype(undefined)).toBeNull();
    expect(messageSubtype(0)).toBeNull();
    expect(messageSubtype(19)).toBeNull();
    expect(messageSubtype(7)).toBe('user_join');
    expect(messageSubtype(18)).toBe('thread_created');
    expect(messageSubtype(99)).toBe('type_99');
  });
});
