import type { NormalizedMessage } from '@atlas/events';
import { MAX_BATCH_BYTES, MAX_BATCH_MESSAGES, MAX_TEXT_CHARS, splitIntoBatches } from './split-into-batches';

const message = (i: number, text = `message ${i}`): NormalizedMessage => ({
  id: `${1700000000 + i}.000100`,
  channel_id: 'C1',
  author_id: 'U1',
  author_name: 'Ana',
  text,
  timestamp: '2026-04-13T10:00:00.000Z',
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
});

describe('splitIntoBatches', () => {
  it('keeps every message, in order, in batches of at most MAX_BATCH_MESSAGES', () => {
    const messages = Array.from({ length: 450 }, (_, i) => message(i));
    const batches = splitIntoBatches(messages);
    expect(batches.map((b) => b.length)).toEqual([MAX_BATCH_MESSAGES, MAX_BATCH_MESSAGES, 50]);
    expect(batches.flat().map((m) => m.id)).toEqual(messages.map((m) => m.id));
  });

  it('keeps batches under the byte limit', () => {
    const messages = Array.from({ length: 100 }, (_, i) => message(i, 'x'.repeat(20_000)));
    for (const batch of splitIntoBatches(messages)) {
      expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(MAX_BATCH_BYTES + 1024);
    }
  });

  it('cuts a text too long for any batch, and says so', () => {
    const [[cut]] = splitIntoBatches([message(1, 'y'.repeat(MAX_TEXT_CHARS * 3))]);
    expect(cut.text.length).toBeLessThan(MAX_TEXT_CHARS + 20);
    expect(cut.text).toMatch(/truncated/);
  });

  it('has no batch for no messages', () => {
    expect(splitIntoBatches([])).toEqual([]);
  });
});
