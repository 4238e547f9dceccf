import { KnownPeople } from '../import-files/known-people';
import { dceRepliesTo, normalizeDceMessage } from './dce-message';
import type { DceMessage } from './dce-types';

const CHANNEL = '1200000000000000001';
const context = { channelId: CHANNEL, guildId: '1100000000000000001' };
const thread = { parentId: null, replyCount: 0, people: new KnownPeople() };

const ana = { id: '900', name: 'ana.souza', discriminator: '0000', nickname: 'Ana', isBot: false, roles: [] };
const chen = { id: '901', name: 'chen.wei', discriminator: '0000', nickname: 'Chen', isBot: false };

function message(overrides: Partial<DceMessage>): DceMessage {
  return {
    id: '1300000000000000010',
    type: 'Default',
    timestamp: '2026-03-02T09:00:00.413+00:00',
    timestampEdited: null,
    content: 'Hello',
    author: ana,
    attachments: [],
    embeds: [],
    mentions: [],
    ...overrides,
  };
}

describe('DCE replies', () => {
  it('reads a reply with reference.type (current exports) and without (older ones)', () => {
    const reference = { messageId: '1300000000000000001', channelId: CHANNEL, guildId: '1100000000000000001' };
    expect(dceRepliesTo(message({ type: 'Reply', reference: { ...reference, type: 'Default' } }), CHANNEL)).toBe(
      '1300000000000000001',
    );
    expect(dceRepliesTo(message({ type: 'Reply', reference }), CHANNEL)).toBe('1300000000000000001');
    expect(dceRepliesTo(message({ type: 'Reply', reference: { messageId: '1300000000000000001' } }), CHANNEL)).toBe(
      '1300000000000000001',
    );
  });

  it('does not take pins, forwards, thread creations or replies elsewhere for replies', () => {
    const reference = { messageId: '1300000000000000001', channelId: CHANNEL, guildId: '1' };
    expect(dceRepliesTo(message({ type: 'ChannelPinnedMessage', reference }), CHANNEL)).toBeNull();
    expect(
      dceRepliesTo(message({ type: 'Default', reference: { ...reference, type: 'Forward' } }), CHANNEL),
    ).toBeNull();
    expect(dceRepliesTo(message({ type: 'Reply', reference: { ...reference, type: 'Forward' } }), CHANNEL)).toBeNull();
    expect(
      dceRepliesTo(
        message({ type: 'ThreadCreated', reference: { messageId: null, channelId: '77', guildId: '1' } }),
        CHANNEL,
      ),
    ).toBeNull();
    expect(dceRepliesTo(message({ type: 'Reply', reference: { ...reference, channelId: '42' } }), CHANNEL)).toBeNull();
    expect(dceRepliesTo(message({ type: 'Reply', reference: null }), CHANNEL)).toBeNull();
  });
});

describe('normalizeDceMessage', () => {
  it('names authors and mentions by nickname, keeps the rendered content, and links the message', () => {
    const normalized = normalizeDceMessage(
      message({
        content: 'Can @Chen look?',
        mentions: [chen],
        attachments: [{ id: '5', url: 'https://cdn/x.png', fileName: 'x.png', fileSizeBytes: 12 }],
      }),
      context,
      { ...thread, parentId: '1300000000000000001' },
    );
    expect(normalized).toEqual({
      id: '1300000000000000010',
      channel_id: CHANNEL,
      author_id: '900',
      author_name: 'Ana',
      text: 'Can @Chen look?',
      timestamp: '2026-03-02T09:00:00.413Z',
      thread_parent_id: '1300000000000000001',
      reply_count: 0,
      edited: false,
      edited_at: null,
      deleted: false,
      attachments: [{ name: 'x.png', url: 'https://cdn/x.png', mime_type: null, size: 12 }],
      permalink: `https://discord.com/channels/1100000000000000001/${CHANNEL}/1300000000000000010`,
      mentions: [{ id: '901', name: 'Chen' }],
      subtype: null,
      is_bot: false,
    });
  });

  it('falls back to the user name without a nickname, and to embeds without content', () => {
    const normalized = normalizeDceMessage(
      message({
        author: { id: '902', name: 'deploybot', nickname: null, isBot: true },
        content: '',
        embeds: [{ title: 'Deployed 2.33', description: '12 commits' }],
        type: 'ChannelPinnedMessage',
      }),
      { channelId: CHANNEL, guildId: '0' },
      thread,
    );
    expect(normalized).toMatchObject({
      author_name: 'deploybot',
      is_bot: true,
      text: 'Deployed 2.33\n12 commits',
      subtype: 'ChannelPinnedMessage',
      permalink: `https://discord.com/channels/@me/${CHANNEL}/1300000000000000010`,
    });
  });

  it('maps timestampEdited to the edit time', () => {
    const normalized = normalizeDceMessage(message({ timestampEdited: '2026-03-05T10:00:00+01:00' }), context, thread);
    expect(normalized).toMatchObject({ edited: true, edited_at: '2026-03-05T09:00:00.000Z' });
  });
});
