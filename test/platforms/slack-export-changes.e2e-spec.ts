import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformError, SlackExportConnector } from '@atlas/platforms';
import { tempDir } from '../support/temp-dir';
import { collectPages, idsOf, messagesOf, rejectionOf, request } from './slack-fixtures';

const CHANNEL = 'C0CHANGES';
const ts = (iso: string, micros = 100) => `${Date.parse(iso) / 1000}.${String(micros).padStart(6, '0')}`;

// Monday: a message, a thread, and a thread whose parent was deleted; Wednesday: one more message;
// Thursday: the logs of an edit of Monday's message, the deletion of a reply, and a reply notice.
const monday = {
  note: ts('2026-03-02T09:00:00Z'),
  question: ts('2026-03-02T09:10:00Z'),
  answer: ts('2026-03-02T09:11:00Z'),
  gone: ts('2026-03-02T09:20:00Z'),
  orphan: ts('2026-03-02T09:21:00Z'),
};
const wednesday = ts('2026-03-04T15:00:00Z');
const thursday = { edit: ts('2026-03-05T08:00:00Z'), deletion: ts('2026-03-05T08:30:00Z') };

function writeExport(root: string, extraWednesday: object[] = []): void {
  mkdirSync(join(root, 'changes'), { recursive: true });
  writeFileSync(join(root, 'channels.json'), JSON.stringify([{ id: CHANNEL, name: 'changes' }]));
  writeFileSync(
    join(root, 'users.json'),
    JSON.stringify([
      { id: 'U1', name: 'ana', profile: { display_name: 'Ana' } },
      { id: 'U2', name: 'ben' },
    ]),
  );
  const note = { type: 'message', user: 'U1', ts: monday.note };
  writeFileSync(
    join(root, 'changes/2026-03-02.json'),
    JSON.stringify([
      { ...note, text: 'We move to MySQL.', edited: { user: 'U1', ts: thursday.edit } },
      {
        type: 'message',
        user: 'U1',
        text: 'Which database?',
        ts: monday.question,
        thread_ts: monday.question,
        reply_count: 0,
      },
      {
        type: 'message',
        subtype: 'tombstone',
        user: 'USLACKBOT',
        text: 'This message was deleted.',
        ts: monday.gone,
        thread_ts: monday.gone,
        reply_count: 1,
      },
      { type: 'message', user: 'U2', text: 'Still here.', ts: monday.orphan, thread_ts: monday.gone },
    ]),
  );
  writeFileSync(
    join(root, 'changes/2026-03-04.json'),
    JSON.stringify([{ type: 'message', user: 'U2', text: 'Midweek.', ts: wednesday }, ...extraWednesday]),
  );
  writeFileSync(
    join(root, 'changes/2026-03-05.json'),
    JSON.stringify([
      {
        type: 'message',
        subtype: 'message_changed',
        hidden: true,
        ts: thursday.edit,
        message: { ...note, text: 'We move to MySQL.', edited: { user: 'U1', ts: thursday.edit } },
        previous_message: { ...note, text: 'We move to Postgres.' },
      },
      {
        type: 'message',
        subtype: 'message_deleted',
        hidden: true,
        ts: thursday.deletion,
        deleted_ts: monday.answer,
        previous_message: {
          type: 'message',
          user: 'U2',
          text: 'Postgres.',
          ts: monday.answer,
          thread_ts: monday.question,
        },
      },
      {
        type: 'message',
        subtype: 'message_replied',
        hidden: true,
        ts: thursday.deletion,
        message: { ts: monday.question },
      },
    ]),
  );
}

function connector(importDir: string, path = 'export'): SlackExportConnector {
  return new SlackExportConnector(
    { connection_id: 'conn_changes', platform: 'slack_export', config: { path }, credentials: null },
    { maxRetryAfterSeconds: 5, importDir },
  );
}

describe('Slack export connector: edits and deletions', () => {
  const imports = tempDir('export-changes');
  beforeAll(() => writeExport(join(imports.path, 'export')));
  afterAll(() => imports.remove());

  it('counts messages, not the edit and deletion events', async () => {
    const [channel] = await connector(imports.path).discoverChannels();
    expect(channel).toMatchObject({ channel_id: CHANNEL, message_count_hint: 5 });
  });

  it('yields the events of a full history as the messages they changed, after the messages', async () => {
    const messages = messagesOf(await collectPages(connector(imports.path), request(CHANNEL)));
    expect(idsOf(messages)).toEqual([
      ...Object.values(monday).filter((id) => id !== monday.answer),
      wednesday,
      monday.note,
      monday.answer,
    ]);
    expect(messages.at(-2)).toMatchObject({
      text: 'We move to MySQL.',
      edited: true,
      edited_at: '2026-03-05T08:00:00.000Z',
    });
    expect(messages.at(-1)).toMatchObject({
      text: '',
      deleted: true,
      author_id: 'U2',
      thread_parent_id: monday.question,
    });
    expect(messages.find((message) => message.id === monday.gone)).toMatchObject({
      text: '',
      deleted: true,
      reply_count: 1,
    });
    expect(messages.find((message) => message.id === monday.orphan)).toMatchObject({ thread_parent_id: monday.gone });
  });

  it('picks up, from a plain ts cursor, what changed since in day files it does not read again', async () => {
    const since = ts('2026-03-04T16:00:00Z');
    const pages = await collectPages(connector(imports.path), request(CHANNEL, { since }));
    const messages = messagesOf(pages);
    expect(messages.map(({ id, text, deleted }) => ({ id, text, deleted }))).toEqual([
      { id: monday.note, text: 'We move to MySQL.', deleted: false },
      { id: monday.answer, text: '', deleted: true },
    ]);
    expect(pages.at(-1)!.cursor).toBe(thursday.deletion);
    expect(await collectPages(connector(imports.path), request(CHANNEL, { since: pages.at(-1)!.cursor }))).toEqual([]);
  });

  it('picks up a message edited after the cursor in a day file it reads, and moves the cursor past the edit', async () => {
    const root = join(imports.path, 'no-logs');
    const edited = {
      type: 'message',
      user: 'U1',
      text: 'Midweek, corrected.',
      ts: ts('2026-03-04T15:30:00Z'),
      edited: { ts: ts('2026-03-06T10:00:00Z') },
    };
    writeExport(root, [edited]);
    const since = ts('2026-03-05T09:00:00Z');
    const pages = await collectPages(connector(imports.path, 'no-logs'), request(CHANNEL, { since }));
    expect(messagesOf(pages).map((message) => [message.id, message.edited_at])).toEqual([
      [edited.ts, '2026-03-06T10:00:00.000Z'],
    ]);
    expect(pages.at(-1)!.cursor).toBe(edited.edited.ts);
    expect(
      await collectPages(connector(imports.path, 'no-logs'), request(CHANNEL, { since: pages.at(-1)!.cursor })),
    ).toEqual([]);
  });

  it('refuses an edit event without the edited message, naming the file', async () => {
    const root = join(imports.path, 'broken');
    writeExport(root, [{ type: 'message', subtype: 'message_changed', ts: ts('2026-03-04T16:00:00Z') }]);
    const error = await rejectionOf(collectPages(connector(imports.path, 'broken'), request(CHANNEL)));
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).message).toBe('changes/2026-03-04.json in broken has a malformed item at index 1');
  });
});
