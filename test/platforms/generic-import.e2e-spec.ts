import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionSettings } from '@atlas/platforms';
import { PlatformError } from '@atlas/platforms';
import { GenericImportConnector } from '@atlas/platforms';
import { validateImport } from '@atlas/platforms';
import { csvText } from '../support/import-fixtures/csv-text';
import { tempDir } from '../support/temp-dir';
import { collectPages, idsOf, messagesOf, rejectionOf, request } from './slack-fixtures';

const MAPPING = { author: 'user', text: 'body', timestamp: 'sent_at' };

function settings(path: string, config: Record<string, string> = {}): ConnectionSettings {
  return {
    connection_id: 'conn_generic',
    platform: 'generic_import',
    config: { path, mapping: JSON.stringify(MAPPING), ...config },
    credentials: null,
  };
}

function connector(importDir: string, path: string, config: Record<string, string> = {}): GenericImportConnector {
  return new GenericImportConnector(settings(path, config), { maxRetryAfterSeconds: 5, importDir });
}

async function checkFailure(
  importDir: string,
  path: string,
  config: Record<string, string> = {},
): Promise<PlatformError> {
  const error = await rejectionOf(validateImport(settings(path, config), { maxRetryAfterSeconds: 5, importDir }));
  expect(error).toBeInstanceOf(PlatformError);
  expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
  return error as PlatformError;
}

describe('Generic CSV and JSONL imports', () => {
  const imports = tempDir('generic-import');
  const write = (name: string, content: string) => writeFileSync(join(imports.path, name), content);

  beforeAll(() => {
    write(
      'standup.csv',
      csvText(
        ['user', 'body', 'sent_at'],
        [
          ['Ana', 'Morning! @Ben can you check the build?', '1772442000'],
          ['Ben', 'On it.', '1772442060000'],
          ['Ben', 'On it.', '1772442060000'],
          ['Ana', 'Thanks, "quoted", and\na second line', '2026-03-02T09:02:00+00:00'],
        ],
      ),
    );
    write(
      'nested.jsonl',
      [
        '{"user": {"name": "Ana"}, "body": "First", "sent_at": "2026-03-02T09:00:00Z"}',
        '',
        '{"user": {"name": "Ben"}, "body": "Second", "sent_at": 1772442060.5}',
      ].join('\n'),
    );
  });
  afterAll(() => imports.remove());

  it('makes a file without a channel column one channel, named by the settings or the file', async () => {
    const [named] = await connector(imports.path, 'standup.csv', { channel_name: 'Daily standup' }).discoverChannels();
    expect(named).toMatchObject({
      name: 'Daily standup',
      message_count_hint: 4,
      channel_id: expect.stringMatching(/^file-/),
    });
    const [unnamed] = await connector(imports.path, 'standup.csv').discoverChannels();
    expect(unnamed).toMatchObject({ name: 'standup', channel_id: named.channel_id });
  });

  it('reads epoch seconds, milliseconds and ISO times, quoted fields, and mentions of people who wrote', async () => {
    const [channel] = await connector(imports.path, 'standup.csv').discoverChannels();
    const messages = messagesOf(
      await collectPages(connector(imports.path, 'standup.csv'), request(channel.channel_id)),
    );
    expect(messages.map(({ author_name, text, timestamp }) => [author_name, text, timestamp])).toEqual([
      ['Ana', 'Morning! @Ben can you check the build?', '2026-03-02T09:00:00.000Z'],
      ['Ben', 'On it.', '2026-03-02T09:01:00.000Z'],
      ['Ben', 'On it.', '2026-03-02T09:01:00.000Z'],
      ['Ana', 'Thanks, "quoted", and\na second line', '2026-03-02T09:02:00.000Z'],
    ]);
    // Authors known only by name get an id of the connection and the name; a mention of one points at it.
    expect(messages[0].mentions).toEqual([{ id: messages[1].author_id, name: 'Ben' }]);
    expect(messages[1].author_id).toMatch(/^name-/);
    expect(new Set(idsOf(messages)).size).toBe(4);
    const again = messagesOf(await collectPages(connector(imports.path, 'standup.csv'), request(channel.channel_id)));
    expect(idsOf(again)).toEqual(idsOf(messages));
  });

  it('reads JSONL fields by dotted path, skipping blank lines', async () => {
    const config = { mapping: JSON.stringify({ ...MAPPING, author: 'user.name' }) };
    const [channel] = await connector(imports.path, 'nested.jsonl', config).discoverChannels();
    const messages = messagesOf(
      await collectPages(connector(imports.path, 'nested.jsonl', config), request(channel.channel_id)),
    );
    expect(messages.map(({ author_name, timestamp }) => [author_name, timestamp])).toEqual([
      ['Ana', '2026-03-02T09:00:00.000Z'],
      ['Ben', '2026-03-02T09:01:00.500Z'],
    ]);
  });

  it('checks an upload through, counting its messages', async () => {
    const check = await validateImport(settings('standup.csv'), { maxRetryAfterSeconds: 5, importDir: imports.path });
    expect(check).toMatchObject({ messages: 4, channels: [{ name: 'standup', message_count_hint: 4 }] });
  });

  describe('refuses unusable files, naming the row or line', () => {
    it('a mapping naming a column the CSV lacks', async () => {
      const error = await checkFailure(imports.path, 'standup.csv', {
        mapping: JSON.stringify({ ...MAPPING, id: 'msg_id', channel: 'room' }),
      });
      expect(error.message).toBe(
        'standup.csv has no column "msg_id" (id), "room" (channel) named in the column mapping; its columns are "user", "body", "sent_at"',
      );
    });

    it('a timestamp that does not parse', async () => {
      write(
        'bad-time.csv',
        csvText(
          ['user', 'body', 'sent_at'],
          [
            ['Ana', 'ok', '1772442000'],
            ['Ben', 'x', 'tomorrow-ish'],
          ],
        ),
      );
      const error = await checkFailure(imports.path, 'bad-time.csv');
      expect(error.message).toBe(
        'bad-time.csv, row 2 (line 3): the timestamp "tomorrow-ish" ("sent_at") is neither ISO 8601 nor epoch seconds or milliseconds',
      );
    });

    it('a JSONL line that is not JSON, or lacks a required field', async () => {
      write('broken.jsonl', '{"user": "Ana", "body": "ok", "sent_at": 1772442000}\n{"user": "Ben", "body": \n');
      expect((await checkFailure(imports.path, 'broken.jsonl')).message).toMatch(
        /^broken\.jsonl, line 2 is not JSON: /,
      );
      write('missing.jsonl', '{"user": "Ana", "body": "ok"}\n');
      expect((await checkFailure(imports.path, 'missing.jsonl')).message).toBe(
        'missing.jsonl, line 1: the timestamp ("sent_at") is missing',
      );
    });

    it('a bad mapping, a folder, a file of another kind', async () => {
      expect((await checkFailure(imports.path, 'standup.csv', { mapping: '{"text": "body"' })).message).toBe(
        'The column mapping (config.mapping) is not JSON',
      );
      mkdirSync(join(imports.path, 'folder'));
      write('folder/a.csv', 'user,body,sent_at\n');
      expect((await checkFailure(imports.path, 'folder')).message).toBe(
        'folder is a folder: a generic import is one CSV or JSONL file',
      );
      write('notes.txt', 'hello');
      expect((await checkFailure(imports.path, 'notes.txt')).message).toBe(
        'notes.txt is neither .csv nor .jsonl: set the format (config.format)',
      );
    });
  });

  it('names a channel the file does not hold CHANNEL_NOT_FOUND', async () => {
    const error = await rejectionOf(collectPages(connector(imports.path, 'standup.csv'), request('elsewhere')));
    expect(error).toMatchObject({ code: 'CHANNEL_NOT_FOUND', transient: false });
  });
});
