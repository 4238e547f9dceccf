import { isEditHistoryCopy, MattermostPostContext, normalizeMattermostPost, peopleNamedBy } from './mattermost-post';
import type { MattermostPost } from './mattermost-types';
import { MattermostUserSummary, summarizeMattermostUser } from './mattermost-user-directory';

const ANA = 'anaaaaaaaaaaaaaaaaaaaaaaaa';
const BOT = 'botttttttttttttttttttttttt';
const CHANNEL = 'chnnnnnnnnnnnnnnnnnnnnnnnn';
const users: Record<string, MattermostUserSummary> = {
  [ANA]: { id: ANA, username: 'ana.souza', name: 'Ana', isBot: false },
  [BOT]: { id: BOT, username: 'deploybot', name: 'Deploy Bot', isBot: true },
};
const context: MattermostPostContext = {
  channelId: CHANNEL,
  user: (id) => users[id],
  userByName: (username) => Object.values(users).find((user) => user.username === username),
  permalink: (id) => `https://chat.example.com/eng/pl/${id}`,
  fileUrl: (id) => `https://chat.example.com/api/v4/files/${id}`,
};

function post(overrides: Partial<MattermostPost>): MattermostPost {
  return {
    id: 'pstttttttttttttttttttttttt',
    create_at: Date.parse('2026-03-02T09:00:00.000Z'),
    update_at: Date.parse('2026-03-02T09:00:00.000Z'),
    edit_at: 0,
    delete_at: 0,
    user_id: ANA,
    channel_id: CHANNEL,
    root_id: '',
    original_id: '',
    message: 'hello',
    type: '',
    props: {},
    ...overrides,
  };
}

describe('normalizeMattermostPost', () => {
  it('normalizes an edited reply with a file and a mention', () => {
    const message = normalizeMattermostPost(
      post({
        root_id: 'roottttttttttttttttttttttt',
        message: 'ok @deploybot, ship it',
        edit_at: Date.parse('2026-03-02T09:05:00.000Z'),
        reply_count: 3,
        metadata: {
          files: [{ id: 'fileeeeeeeeeeeeeeeeeeeeeee', name: 'plan.pdf', mime_type: 'application/pdf', size: 2048 }],
        },
      }),
      context,
    );
    expect(message).toEqual({
      id: 'pstttttttttttttttttttttttt',
      channel_id: CHANNEL,
      author_id: ANA,
      author_name: 'Ana',
      text: 'ok @Deploy Bot, ship it',
      timestamp: '2026-03-02T09:00:00.000Z',
      thread_parent_id: 'roottttttttttttttttttttttt',
      // The thread's count, which Mattermost puts on replies too, belongs to the root only.
      reply_count: 0,
      edited: true,
      edited_at: '2026-03-02T09:05:00.000Z',
      deleted: false,
      attachments: [
        {
          name: 'plan.pdf',
          url: 'https://chat.example.com/api/v4/files/fileeeeeeeeeeeeeeeeeeeeeee',
          mime_type: 'application/pdf',
          size: 2048,
        },
      ],
      permalink: 'https://chat.example.com/eng/pl/pstttttttttttttttttttttttt',
      mentions: [{ id: BOT, name: 'Deploy Bot' }],
      subtype: null,
      is_bot: false,
    });
  });

  it('keeps the reply count of a thread root', () => {
    const root = normalizeMattermostPost(post({ reply_count: 4 }), context);
    expect(root.thread_parent_id).toBeNull();
    expect(root.reply_count).toBe(4);
  });

  it('turns a deleted post into a tombstone without text, mentions or files', () => {
    const message = normalizeMattermostPost(
      post({ message: 'secret @deploybot', delete_at: Date.parse('2026-03-03T00:00:00Z'), file_ids: ['f'] }),
      context,
    );
    expect(message).toMatchObject({ deleted: true, text: '', mentions: [], attachments: [], reply_count: 0 });
    expect(peopleNamedBy(post({ message: 'secret @deploybot', delete_at: 1 })).usernames).toEqual([]);
  });

  it('marks system posts with their type, and bot and webhook posts as bots', () => {
    expect(normalizeMattermostPost(post({ type: 'system_join_channel' }), context).subtype).toBe('system_join_channel');
    expect(normalizeMattermostPost(post({ props: { from_bot: 'true' } }), context).is_bot).toBe(true);
    expect(normalizeMattermostPost(post({ user_id: BOT }), context).is_bot).toBe(true);
    const webhook = normalizeMattermostPost(
      post({ props: { from_webhook: 'true', override_username: 'CI' } }),
      context,
    );
    expect(webhook).toMatchObject({ is_bot: true, author_name: 'CI', author_id: ANA });
  });

  it('reads the text of integrations from their message attachments', () => {
    const message = normalizeMattermostPost(
      post({ message: '', props: { attachments: [{ pretext: 'Build', text: 'passed' }, { fallback: 'deployed' }] } }),
      context,
    );
    expect(message.text).toBe('Build\npassed\ndeployed');
  });

  it('falls back to the user id when the author is unknown', () => {
    const message = normalizeMattermostPost(post({ user_id: 'ghosttttttttttttttttttttt' }), context);
    expect(message.author_name).toBe('ghosttttttttttttttttttttt');
  });

  it('lists file ids without metadata as attachments of unknown type', () => {
    expect(normalizeMattermostPost(post({ file_ids: ['fid'] }), context).attachments).toEqual([
      { name: 'fid', url: 'https://chat.example.com/api/v4/files/fid', mime_type: null, size: null },
    ]);
  });

  it('tells edit history copies apart', () => {
    expect(isEditHistoryCopy(post({ original_id: 'pstttttttttttttttttttttttt', delete_at: 5 }))).toBe(true);
    expect(isEditHistoryCopy(post({}))).toBe(false);
  });
});

describe('summarizeMattermostUser', () => {
  const base = { id: ANA, username: 'ana.souza' };

  it('prefers the nickname, then the full name, then the username', () => {
    expect(summarizeMattermostUser({ ...base, nickname: 'Ana', first_name: 'Ana', last_name: 'Souza' }).name).toBe(
      'Ana',
    );
    expect(summarizeMattermostUser({ ...base, nickname: ' ', first_name: 'Ana', last_name: 'Souza' }).name).toBe(
      'Ana Souza',
    );
    expect(summarizeMattermostUser({ ...base, first_name: '', last_name: 'Souza' }).name).toBe('Souza');
    expect(summarizeMattermostUser(base).name).toBe('ana.souza');
  });

  it('knows bots', () => {
    expect(summarizeMattermostUser({ ...base, is_bot: true }).isBot).toBe(true);
  });
});
