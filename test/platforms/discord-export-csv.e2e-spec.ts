import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformError } from '@atlas/platforms';
import { DiscordExportConnector } from '@atlas/platforms';
import { allMessages, contractWorkspace, CONTRACT_CHANNEL } from '../support/chat-fixture';
import { csvText } from '../support/import-fixtures/csv-text';
import { DceIds, dceFileName, writeDceCsvExport } from '../support/import-fixtures/dce-writer';
import { ImportWorkspace } from '../support/import-fixtures/import-workspace';
import { tempDir } from '../support/temp-dir';
import { collectPages, idsOf, messagesOf, rejectionOf, request } from './slack-fixtures';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/** `02-Mar-26 09:05 AM`, as older DCE versions write dates (here with --utc). */
function legacyDate(at: Date): string {
  const hours = at.getUTCHours();
  const meridiem = hours < 12 ? 'AM' : 'PM';
  return `${pad(at.getUTCDate())}-${MONTHS[at.getUTCMonth()]}-${String(at.getUTCFullYear()).slice(2)} ${pad(hours % 12 || 12)}:${pad(at.getUTCMinutes())} ${meridiem}`;
}

/** `3/2/2026 9:05:07 AM`: en-US with seconds. */
function usDate(at: Date): string {
  const hours = at.getUTCHours();
  return `${at.getUTCMonth() + 1}/${at.getUTCDate()}/${at.getUTCFullYear()} ${hours % 12 || 12}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

function connector(importDir: string, path: string, config: Record<string, string> = {}): DiscordExportConnector {
  return new DiscordExportConnector(
    { connection_id: 'conn_dce_csv', platform: 'discord_export', config: { path, ...config }, credentials: null },
    { maxRetryAfterSeconds: 5, importDir },
  );
}

async function platformErrorOf(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('DiscordChatExporter CSV exports', () => {
  const imports = tempDir('dce-csv');
  const ids = new DceIds();
  const state = new ImportWorkspace(contractWorkspace());
  const general = state.channel(CONTRACT_CHANNEL.key);
  const generalId = ids.channel(general.key);
  const fixtureCount = allMessages(general).length;

  beforeAll(() => {
    writeDceCsvExport(join(imports.path, 'legacy'), state, ids, legacyDate);
    writeDceCsvExport(join(imports.path, 'us'), state, ids, usDate);
  });
  afterAll(() => imports.remove());

  it('names each channel by its file name, DCE’s default, and counts its rows', async () => {
    const channels = await connector(imports.path, 'legacy').discoverChannels();
    expect(channels).toEqual([
      { channel_id: generalId, name: 'general', topic: null, is_private: false, message_count_hint: fixtureCount },
      { channel_id: ids.channel('random'), name: 'random', topic: null, is_private: false, message_count_hint: 3 },
    ]);
  });

  it.each([
    ['dd-MMM-yy hh:mm tt', 'legacy', 60_000],
    ['M/d/yyyy h:mm:ss tt', 'us', 1000],
  ])('reads authors, text, %s dates and mentions of people who wrote', async (_format, folder, precision) => {
    const pages = await collectPages(connector(imports.path, folder), request(generalId));
    const messages = messagesOf(pages);
    expect(messages).toHaveLength(fixtureCount);
    expect(pages.every((page) => page.messages.length <= 100)).toBe(true);
    const fixtures = allMessages(general).sort((a, b) => a.at.getTime() - b.at.getTime());
    fixtures.forEach((fixture, index) => {
      expect(messages[index].author_name).toBe(state.user(fixture.author).displayName);
      expect(messages[index].text).toBe(state.plainText(fixture.text));
      expect(fixture.at.getTime() - Date.parse(messages[index].timestamp)).toBeLessThan(precision);
    });
    const mention = messages.find((message) => message.text.startsWith('Can @Chen'));
    expect(mention?.mentions).toEqual([{ id: ids.user('chen'), name: 'Chen' }]);
    expect(new Set(idsOf(messages)).size).toBe(fixtureCount);
  });

  it('gives rows the same ids in a newer export, and identical rows different ones', async () => {
    const before = idsOf(messagesOf(await collectPages(connector(imports.path, 'us'), request(generalId))));
    const newer = new ImportWorkspace(state.workspace);
    const later = new Date(Date.parse('2026-03-20T10:00:00Z'));
    newer.post('general', { key: 'dup1', author: 'ana', text: 'lol', at: later });
    newer.post('general', { key: 'dup2', author: 'ana', text: 'lol', at: later });
    writeDceCsvExport(join(imports.path, 'us-newer'), newer, ids, usDate);
    const after = idsOf(messagesOf(await collectPages(connector(imports.path, 'us-newer'), request(generalId))));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 2);
    expect(new Set(after).size).toBe(after.length);
  });

  it('fetches from the cursor what is new, and again the rows of the cursor’s minute', async () => {
    const first = await collectPages(connector(imports.path, 'legacy'), request(generalId));
    const newer = new ImportWorkspace(state.workspace);
    newer.post('general', { key: 'late', author: 'ben', text: 'Late news.', at: new Date('2026-03-20T10:00:00Z') });
    writeDceCsvExport(join(imports.path, 'legacy-newer'), newer, ids, legacyDate);
    const update = messagesOf(
      await collectPages(connector(imports.path, 'legacy-newer'), request(generalId, { since: first.at(-1)!.cursor })),
    );
    const lastMinute = messagesOf(first).at(-1)!.timestamp;
    expect(update.at(-1)?.text).toBe('Late news.');
    expect(update.slice(0, -1).every((message) => message.timestamp === lastMinute)).toBe(true);
  });

  it('takes a single file’s channel from the settings, or from its file name', async () => {
    const folder = join(imports.path, 'single');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'general-chat.csv'),
      readFileSync(join(imports.path, 'legacy', dceFileName(ids, general, 'csv'))),
    );
    const named = await connector(imports.path, 'single/general-chat.csv', {
      channel_id: 'C-1',
      channel_name: 'General',
    }).discoverChannels();
    expect(named).toMatchObject([{ channel_id: 'C-1', name: 'General', message_count_hint: fixtureCount }]);
    const [derived] = await connector(imports.path, 'single/general-chat.csv').discoverChannels();
    expect(derived).toMatchObject({ name: 'general-chat', channel_id: expect.stringMatching(/^dce-csv-/) });
    const [again] = await connector(imports.path, 'single/general-chat.csv').discoverChannels();
    expect(again.channel_id).toBe(derived.channel_id);
  });

  it('names the row whose date it cannot read, and a file without DCE’s columns', async () => {
    const folder = join(imports.path, 'bad');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'dates [5].csv'),
      csvText(
        ['AuthorID', 'Author', 'Date', 'Content', 'Attachments', 'Reactions'],
        [
          ['1', 'Ana', '02-Mar-26 09:05 AM', 'fine', '', ''],
          ['1', 'Ana', 'Tuesday noon', 'not fine', '', ''],
        ],
      ),
    );
    writeFileSync(join(folder, 'columns [6].csv'), csvText(['User', 'When', 'What'], [['Ana', 'now', 'hi']]));
    const date = await platformErrorOf(collectPages(connector(imports.path, 'bad'), request('5')));
    expect(date).toMatchObject({
      code: 'PLATFORM_ERROR',
      transient: false,
      message: 'dates [5].csv in bad, row 2 (line 3): the Date "Tuesday noon" is not a date this connector reads',
    });
    const columns = await platformErrorOf(collectPages(connector(imports.path, 'bad'), request('6')));
    expect(columns.message).toBe(
      'columns [6].csv in bad is not a DiscordChatExporter CSV export: it has no AuthorID, Author, Date, Content column (it has User, When, What)',
    );
  });

  it('keeps attachment URLs', async () => {
    const folder = join(imports.path, 'files');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'files [7].csv'),
      csvText(
        ['AuthorID', 'Author', 'Date', 'Content', 'Attachments', 'Reactions'],
        [
          [
            '1',
            'Ana',
            '2026-03-02T09:05:00Z',
            'plans',
            'https://cdn.discordapp.com/a/1/plan%20v2.pdf,https://cdn.discordapp.com/a/2/x.png?ex=1',
            '👍 (2)',
          ],
        ],
      ),
    );
    const [message] = messagesOf(await collectPages(connector(imports.path, 'files'), request('7')));
    expect(message.attachments.map(({ name, url }) => [name, url])).toEqual([
      ['plan v2.pdf', 'https://cdn.discordapp.com/a/1/plan%20v2.pdf'],
      ['x.png', 'https://cdn.discordapp.com/a/2/x.png?ex=1'],
    ]);
  });
});
