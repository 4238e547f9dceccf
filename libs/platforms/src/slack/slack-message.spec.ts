import { normalizeSlackMessage, SlackMessageContext, summarizeSlackUser } from './slack-message';

const context: SlackMessageContext = {
  channelId: 'C01ENG',
  user: (id) => ({ U01ANA: { name: 'ana', isBot: false }, U09BOT: { name: 'deploybot', isBot: true } })[id],
  channelName: () => undefined,
  permalink: (ts, parent) =>
    `https://acme.slack.com/archives/C01ENG/p${ts.replace('.', '')}${parent ? `?thread_ts=${parent}` : ''}`,
};

describe('normalizeSlackMessage', () => {
  it('normalizes an edited thread reply with a file and a mention', () => {
    const message = normalizeSlackMessage(
      {
        ts: '1741100000.000200',
        thread_ts: '1741000000.000100',
        user: 'U01ANA',
        text: 'ok <@U09BOT> &amp; done',
        edited: { user: 'U01ANA', ts: '1741100050.000000' },
        files: [
          {
            id: 'F1',
            name: 'plan.pdf',
            mimetype: 'application/pdf',
            size: 2048,
            url_private: 'https://files/plan.pdf',
          },
        ],
      },
      context,
    );
    expect(message).toEqual({
      id: '1741100000.000200',
      channel_id: 'C01ENG',
      author_id: 'U01ANA',
      author_name: 'ana',
      text: 'ok @deploybot & done',
      timestamp: '2025-03-04T14:53:20.000Z',
      thread_parent_id: '1741000000.000100',
      reply_count: 0,
      edited: true,
      edited_at: '2025-03-04T14:54:10.000Z',
      deleted: false,
      attachments: [{ name: 'plan.pdf', url: 'https://files/plan.pdf', mime_type: 'application/pdf', size: 2048 }],
      permalink: 'https://acme.slack.com/archives/C01ENG/p1741100000000200?thread_ts=1741000000.000100',
      mentions: [{ id: 'U09BOT', name: 'deploybot' }],
      subtype: null,
      is_bot: false,
    });
  });

  it('keeps the reply count of a thread parent and not of a reply', () => {
    const parent = normalizeSlackMessage(
      { ts: '1.000001', thread_ts: '1.000001', reply_count: 4, user: 'U01ANA', text: 'q?' },
      context,
    );
    expect(parent.thread_parent_id).toBeNull();
    expect(parent.reply_count).toBe(4);
  });

  it('names bots by their username and reads their legacy attachments when the text is empty', () => {
    const message = normalizeSlackMessage(
      {
        ts: '1741000000.000300',
        subtype: 'bot_message',
        bot_id: 'B01CI',
        username: 'CI',
        text: '',
        attachments: [{ fallback: 'Build #88 passed' }],
      },
      context,
    );
    expect(message.author_id).toBe('B01CI');
    expect(message.author_name).toBe('CI');
    expect(message.text).toBe('Build #88 passed');
    expect(message.is_bot).toBe(true);
    expect(message.subtype).toBe('bot_message');
  });

  it('falls back to the embedded profile, then to the id, for unknown authors', () => {
    const withProfile = normalizeSlackMessage(
      { ts: '1.000001', user: 'U07GONE', text: 'hi', user_profile: { display_name: '', real_name: 'Gone Person' } },
      context,
    );
    expect(withProfile.author_name).toBe('Gone Person');
    expect(normalizeSlackMessage({ ts: '1.000001', user: 'U07GONE', text: 'hi' }, context).author_name).toBe('U07GONE');
  });
});

describe('summarizeSlackUser', () => {
  it('prefers the display name, then the real names, then the handle', () => {
    expect(
      summarizeSlackUser({ id: 'U1', name: 'ana', real_name: 'Ana Souza', profile: { display_name: 'Ana S' } }).name,
    ).toBe('Ana S');
    expect(
      summarizeSlackUser({ id: 'U1', name: 'ana', profile: { display_name: '', real_name: 'Ana Souza' } }).name,
    ).toBe('Ana Souza');
    expect(summarizeSlackUser({ id: 'U1', name: 'ana' }).name).toBe('ana');
    expect(summarizeSlackUser({ id: 'U1', is_bot: true })).toEqual({ name: 'U1', isBot: true });
  });
});
