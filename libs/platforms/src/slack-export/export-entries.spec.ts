import type { SlackMessageContext } from '../slack/slack-message';
import { entryEditTs, isChannelMessage, isExportEntry, isNewerEntry, normalizeExportEntry } from './export-entries';

const context: SlackMessageContext = {
  channelId: 'C1',
  user: (id) => (id === 'U1' ? { name: 'Ana', isBot: false } : undefined),
  channelName: () => undefined,
  permalink: () => null,
};

const original = { type: 'message', user: 'U1', text: 'Postgres it is', ts: '1772442000.000100' };
const changed = {
  type: 'message',
  subtype: 'message_changed',
  hidden: true,
  ts: '1772528400.000200',
  message: { ...original, text: 'MySQL it is', edited: { user: 'U1', ts: '1772528400.000000' } },
  previous_message: original,
};
const deleted = {
  type: 'message',
  subtype: 'message_deleted',
  hidden: true,
  ts: '1772528500.000300',
  deleted_ts: original.ts,
  previous_message: { ...original, thread_ts: '1772441000.000100' },
};

describe('Slack export entries', () => {
  it('tell messages from edit and deletion events, and check the events’ shape', () => {
    expect([original, changed, deleted].map(isExportEntry)).toEqual([true, true, true]);
    expect(isExportEntry({ ...changed, message: undefined })).toBe(false);
    expect(isExportEntry({ ...deleted, deleted_ts: 'yesterday' })).toBe(false);
    expect([original, changed, deleted, { ...original, subtype: 'message_replied' }].map(isChannelMessage)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('turn message_changed into the original message with the new text and the edit time', () => {
    expect(normalizeExportEntry(changed, context)).toMatchObject({
      id: original.ts,
      text: 'MySQL it is',
      author_name: 'Ana',
      edited: true,
      edited_at: '2026-03-03T09:00:00.000Z',
      deleted: false,
    });
    const withoutEditTs = { ...changed, message: { ...changed.message, edited: undefined } };
    expect(normalizeExportEntry(withoutEditTs, context)).toMatchObject({
      edited: true,
      edited_at: '2026-03-03T09:00:00.000Z',
    });
  });

  it('turn message_deleted and tombstone parents into tombstones', () => {
    expect(normalizeExportEntry(deleted, context)).toMatchObject({
      id: original.ts,
      text: '',
      deleted: true,
      thread_parent_id: '1772441000.000100',
      mentions: [],
    });
    expect(normalizeExportEntry({ ...deleted, previous_message: undefined }, context)).toMatchObject({
      id: original.ts,
      text: '',
      deleted: true,
      author_id: null,
    });
    const parent = { ...original, subtype: 'tombstone', text: 'This message was deleted.', reply_count: 2 };
    expect(normalizeExportEntry(parent, context)).toMatchObject({ text: '', deleted: true, reply_count: 2 });
    expect(normalizeExportEntry({ ...original, subtype: 'message_replied' }, context)).toBeNull();
  });

  it('select entries newer than the cursor: posted after it, events after it, messages edited after it', () => {
    const since = '1772500000.000000';
    expect(isNewerEntry(original, since)).toBe(false);
    expect(isNewerEntry(changed, since)).toBe(true);
    expect(isNewerEntry({ ...original, edited: { ts: '1772500001.000000' } }, since)).toBe(true);
    expect(isNewerEntry({ ...changed, ts: '1772400000.000000' }, since)).toBe(false);
    expect(isNewerEntry(original, null)).toBe(true);
    expect(entryEditTs(changed)).toBe('1772528400.000000');
    expect(entryEditTs(original)).toBeNull();
  });
});
