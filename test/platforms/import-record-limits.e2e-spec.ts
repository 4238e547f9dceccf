import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionSettings, ConnectorOptions } from '@atlas/platforms';
import {
  MAX_ARCHIVE_ENTRIES,
  MAX_CSV_FIELDS,
  MAX_EXPORT_FILE_BYTES,
  MAX_IMPORT_RECORD_BYTES,
  PlatformError,
  validateImport,
} from '@atlas/platforms';
import { tempDir } from '../support/temp-dir';
import { buildZip, emptyEntries, ZipEntryInput } from '../support/zip-writer';
import { rejectionOf } from './slack-fixtures';

jest.setTimeout(60_000);

/**
 * The limits the upload checks apply (libs/gateway/src/imports) hold where the connectors read the file
 * at sync: a file refused at upload for its size cannot be synced either, and one at the limit is read.
 */
const LIMIT_MESSAGE = new RegExp(`is longer than ${MAX_IMPORT_RECORD_BYTES} bytes \\(4 MiB\\)`);
const MAPPING = JSON.stringify({ author: 'user', text: 'body', timestamp: 'sent_at' });
const SENT_AT = '2026-03-02T09:00:00Z';

describe('Record and archive limits where the connectors read imported files', () => {
  const imports = tempDir('import-limits');
  const options: ConnectorOptions = { maxRetryAfterSeconds: 5, importDir: imports.path };
  afterAll(() => imports.remove());

  const write = (name: string, content: string | Buffer) => writeFileSync(join(imports.path, name), content);
  const check = (platform: ConnectionSettings['platform'], path: string, config: Record<string, string> = {}) =>
    validateImport({ connection_id: 'conn_limits', platform, config: { path, ...config }, credentials: null }, options);
  const failure = async (attempt: Promise<unknown>): Promise<PlatformError> => {
    const error = await rejectionOf(attempt);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
    return error as PlatformError;
  };

  describe('generic CSV', () => {
    it('refuses a record beyond the limit, naming the line', async () => {
      write('long.csv', `sent_at,user,body\n${SENT_AT},ana,${'b'.repeat(MAX_IMPORT_RECORD_BYTES)}\n`);
      const error = await failure(check('generic_import', 'long.csv', { mapping: MAPPING }));
      expect(error.message).toMatch(/^long\.csv: CSV record starting on line 2 /);
      expect(error.message).toMatch(LIMIT_MESSAGE);
    });

    it('refuses a record of commas beyond the field limit', async () => {
      write('commas.csv', `sent_at,user,body\n${SENT_AT},ana,${','.repeat(MAX_CSV_FIELDS)}\n`);
      const error = await failure(check('generic_import', 'commas.csv', { mapping: MAPPING }));
      expect(error.message).toBe(
        `commas.csv: CSV record starting on line 2 has more than ${MAX_CSV_FIELDS} fields, the most one record of an imported file may have`,
      );
    });

    it('reads a record just within the limit', async () => {
      const body = 'b'.repeat(MAX_IMPORT_RECORD_BYTES - `${SENT_AT},ana,`.length);
      write('longest.csv', `sent_at,user,body\n${SENT_AT},ana,${body}\n`);
      expect((await check('generic_import', 'longest.csv', { mapping: MAPPING })).messages).toBe(1);
    });
  });

  describe('generic JSON lines', () => {
    const line = (bodyBytes: number) => JSON.stringify({ sent_at: SENT_AT, user: 'ana', body: 'x'.repeat(bodyBytes) });
    const overhead = line(0).length;

    it('refuses a line beyond the limit, naming it', async () => {
      write('long.jsonl', `${line(10)}\n${line(MAX_IMPORT_RECORD_BYTES - overhead + 1)}\n`);
      const error = await failure(check('generic_import', 'long.jsonl', { mapping: MAPPING }));
      expect(error.message).toMatch(/^long\.jsonl: line 2 /);
      expect(error.message).toMatch(LIMIT_MESSAGE);
    });

    it('reads a line of exactly the limit', async () => {
      write('longest.jsonl', `${line(MAX_IMPORT_RECORD_BYTES - overhead)}\n`);
      expect((await check('generic_import', 'longest.jsonl', { mapping: MAPPING })).messages).toBe(1);
    });
  });

  describe('DiscordChatExporter JSON', () => {
    const exportOf = (content: string) =>
      JSON.stringify({
        guild: { id: '600000000000000001', name: 'Acme' },
        channel: { id: '700000000000000001', type: 'GuildTextChat', name: 'general' },
        messages: [
          {
            id: '800000000000000001',
            type: 'Default',
            timestamp: SENT_AT,
            content,
            author: { id: '900000000000000001', name: 'ana' },
          },
        ],
      });

    it('refuses a message beyond the limit (and below the 16 MiB it used to allow)', async () => {
      write('big [700000000000000001].json', exportOf('x'.repeat(MAX_IMPORT_RECORD_BYTES + 1024)));
      const error = await failure(check('discord_export', 'big [700000000000000001].json'));
      expect(error.message).toMatch(/item 1 of the "messages" array/);
      expect(error.message).toMatch(LIMIT_MESSAGE);
    });
  });

  describe('Slack export ZIP', () => {
    const exportEntries: ZipEntryInput[] = [
      { name: 'channels.json', data: '[{"id":"C1","name":"general"}]', deflate: true },
      { name: 'users.json', data: '[]' },
      { name: 'general/2026-03-02.json', data: '[{"type":"message","ts":"1772442000.000100","text":"hi"}]' },
    ];

    it(`refuses an archive of more than ${MAX_ARCHIVE_ENTRIES} entries before listing them`, async () => {
      write('crowded.zip', buildZip([...exportEntries, ...emptyEntries(MAX_ARCHIVE_ENTRIES)]));
      const error = await failure(check('slack_export', 'crowded.zip'));
      expect(error.message).toBe(
        `crowded.zip has ${MAX_ARCHIVE_ENTRIES + 3} entries, more than the ${MAX_ARCHIVE_ENTRIES} an export may have`,
      );
    });

    it('refuses a file above the size one file of an export may have, unread', async () => {
      const day = {
        name: 'general/2026-03-03.json',
        data: Buffer.alloc(MAX_EXPORT_FILE_BYTES + 1, ' '),
        deflate: true,
      };
      write('big-day.zip', buildZip([...exportEntries, day]));
      const error = await failure(check('slack_export', 'big-day.zip'));
      expect(error.message).toMatch(`more than an export file can be (${MAX_EXPORT_FILE_BYTES})`);
    });

    it('reads an archive within the limits', async () => {
      write('fine.zip', buildZip(exportEntries));
      expect((await check('slack_export', 'fine.zip')).messages).toBe(1);
    });
  });
});
