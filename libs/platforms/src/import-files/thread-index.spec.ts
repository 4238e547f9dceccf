import { ThreadIndex } from './thread-index';

describe('ThreadIndex', () => {
  it('flattens reply chains to the message they start from, counting every reply there', () => {
    const threads = new ThreadIndex();
    threads.addReply('2', '1');
    threads.addReply('3', '2');
    threads.addReply('4', '1');
    threads.addReply('6', '5');
    expect(['2', '3', '4', '6'].map((id) => threads.parentOf(id))).toEqual(['1', '1', '1', '5']);
    expect(threads.parentOf('1')).toBeNull();
    expect(threads.replyCount('1')).toBe(3);
    expect(threads.replyCount('5')).toBe(1);
    expect(threads.replyCount('2')).toBe(0);
  });

  it('keeps a reply to a message missing from the file pointing at that message', () => {
    const threads = new ThreadIndex();
    threads.addReply('9', '8');
    expect(threads.parentOf('9')).toBe('8');
    expect(threads.replyCount('8')).toBe(1);
  });

  it('survives references that loop', () => {
    const threads = new ThreadIndex();
    threads.addReply('a', 'b');
    threads.addReply('b', 'a');
    threads.addReply('c', 'c');
    expect(threads.parentOf('c')).toBeNull();
    expect([threads.parentOf('a'), threads.parentOf('b')]).toEqual([null, null]);
  });
});
