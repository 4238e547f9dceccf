import type { GraphChatMessage } from './graph-types';
import { normalizeTeamsMessage, teamsTombstone } from './teams-message';

const CHANNEL = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';

function graphMessage(overrides: Partial<GraphChatMessage> = {}): GraphChatMessage {
  return {
    id: '1616965872395',
    replyToId: null,
    messageType: 'message',
    createdDateTime: '2021-03-28T21:11:12.395Z',
    lastModifiedDateTime: '2021-03-28T21:11:12.395Z',
    lastEditedDateTime: null,
    deletedDateTime: null,
    webUrl: 'https://teams.microsoft.com/l/message/19%3A4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/1616965872395',
    from: { application: null, device: null, user: { id: '8ea0e38b', displayName: 'Robin Kline' } },
    body: { contentType: 'html', content: 'Hello World <at id="0">Jane Smith</at>' },
    mentions: [
      {
        id: 0,
        mentionText: 'Jane Smith',
        mentioned: { user: { id: 'ef1c916a', displayName: 'Jane Smith' } },
      },
    ],
    attachments: [],
    ...overrides,
  };
}

describe('normalizeTeamsMessage', () => {
  it('maps a root message of Graph, with the reply count the walk counted', () => {
    expect(normalizeTeamsMessage(graphMessage(), CHANNEL, 3)).toEqual({
      id: '1616965872395',
      channel_id: CHANNEL,
      author_id: '8ea0e38b',
      author_name: 'Robin Kline',
      text: 'Hello World @Jane Smith',
      timestamp: '2021-03-28T21:11:12.395Z',
      thread_parent_id: null,
      reply_count: 3,
      edited: false,
      edited_at: null,
      deleted: false,
      attachments: [],
      permalink: graphMessage().webUrl,
      mentions: [{ id: 'ef1c916a', name: 'Jane Smith' }],
      subtype: null,
      is_bot: false,
    });
  });

  it('links a reply to its root through replyToId, and never gives it a reply count', () => {
    const reply = normalizeTeamsMessage(graphMessage({ id: '1616989753153', replyToId: '1616965872395' }), CHANNEL, 7);
    expect(reply.thread_parent_id).toBe('1616965872395');
    expect(reply.reply_count).toBe(0);
  });

  it('marks an edit with its time', () => {
    const message = normalizeTeamsMessage(graphMessage({ lastEditedDateTime: '2021-03-29T08:00:00Z' }), CHANNEL);
    expect(message.edited).toBe(true);
    expect(message.edited_at).toBe('2021-03-29T08:00:00.000Z');
  });

  it('turns a deleted message into a tombstone with empty text', () => {
    const message = normalizeTeamsMessage(
      graphMessage({
        deletedDateTime: '2021-03-30T08:00:00Z',
        body: { contentType: 'html', content: '' },
        mentions: [],
      }),
      CHANNEL,
    );
    expect(message).toMatchObject({ deleted: true, text: '', mentions: [], attachments: [] });
  });

  it('takes the author of an application post from from.application, as a bot', () => {
    const message = normalizeTeamsMessage(
      graphMessage({ from: { user: null, application: { id: 'app-1', displayName: 'Deploybot' } } }),
      CHANNEL,
    );
    expect(message).toMatchObject({ author_id: 'app-1', author_name: 'Deploybot', is_bot: true });
  });

  it('keeps a system event as its messageType subtype, without author', () => {
    const message = normalizeTeamsMessage(
      graphMessage({
        messageType: 'systemEventMessage',
        from: null,
        body: { contentType: 'html', content: '<systemEventMessage/>' },
      }),
      CHANNEL,
    );
    expect(message).toMatchObject({ subtype: 'systemEventMessage', author_id: null, author_name: null, text: '' });
  });

  it('reads a text body as it is, and still lists the mentions', () => {
    const message = normalizeTeamsMessage(
      graphMessage({ body: { contentType: 'text', content: 'Hi Jane <3' } }),
      CHANNEL,
    );
    expect(message.text).toBe('Hi Jane <3');
    expect(message.mentions).toEqual([{ id: 'ef1c916a', name: 'Jane Smith' }]);
  });

  it('lists shared files, not cards or quoted messages', () => {
    const message = normalizeTeamsMessage(
      graphMessage({
        attachments: [
          {
            id: 'f1',
            contentType: 'reference',
            contentUrl: 'https://contoso.sharepoint.com/plan.docx',
            name: 'plan.docx',
          },
          { id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, name: null },
          { id: 'q1', contentType: 'messageReference', contentUrl: null, name: null },
          { id: 'i1', contentType: 'image/png', contentUrl: 'https://x.test/i.png', name: null },
        ],
      }),
      CHANNEL,
    );
    expect(message.attachments).toEqual([
      { name: 'plan.docx', url: 'https://contoso.sharepoint.com/plan.docx', mime_type: null, size: null },
      { name: 'i1', url: 'https://x.test/i.png', mime_type: 'image/png', size: null },
    ]);
  });
});

describe('teamsTombstone', () => {
  it('dates a removed message by its id, the epoch milliseconds of its post', () => {
    expect(teamsTombstone('1616965872395', CHANNEL, null, '2026-01-01T00:00:00.000Z')).toMatchObject({
      id: '1616965872395',
      timestamp: '2021-03-28T21:11:12.395Z',
      deleted: true,
      text: '',
    });
  });

  it('falls back to the given time for an id that is not a time', () => {
    expect(teamsTombstone('abc', CHANNEL, null, '2026-01-01T00:00:00.000Z').timestamp).toBe('2026-01-01T00:00:00.000Z');
  });
});
