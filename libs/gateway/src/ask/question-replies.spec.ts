import type { MessageDoc } from '@atlas/read-models';
import { repliesTo } from './question-replies';

function message(id: string, author: string, text: string, extra: Partial<MessageDoc> = {}): MessageDoc {
  return {
    id: `C1:${id}`,
    message_id: id,
    channel_id: 'C1',
    author_id: `U-${author}`,
    author_name: author,
    text,
    timestamp: '2024-01-01T00:00:00.000Z',
    thread_parent_id: null,
    reply_count: 0,
    edited: false,
    edited_at: null,
    deleted: false,
    attachments: [],
    permalink: null,
    mentions: [],
    subtype: null,
    is_bot: false,
    job_id: 'j',
    first_seq: 1,
    last_seq: 1,
    ...extra,
  } as MessageDoc;
}

describe('repliesTo', () => {
  const question = { message_id: 'q', author_id: 'U-EfaistOs', author_name: 'EfaistOs' };

  it('finds messages addressed to the asker by name, by mention or in the thread', () => {
    const later = [
      message('1', 'bob2', 'EfaistOs: sid is part of Debian, not ubuntu'),
      message('2', 'lev', 'or sid the character from Toy Story'),
      message('3', 'jief', '@efaistos, it means "still in development"'),
      message('4', 'ana', 'see the wiki', { mentions: [{ id: 'U-EfaistOs', name: 'EfaistOs' }] }),
      message('5', 'ana', 'in the thread', { thread_parent_id: 'q' }),
      message('6', 'EfaistOs', 'EfaistOs: talking to myself'),
      message('7', 'bob2', 'EfaistOsX: someone else'),
    ];
    expect(repliesTo(question, later).map((reply) => reply.message_id)).toEqual(['1', '3', '4']);
  });

  it('leaves out deleted messages', () => {
    const later = [message('1', 'bob2', 'EfaistOs: yes', { deleted: true })];
    expect(repliesTo(question, later)).toEqual([]);
  });
});
