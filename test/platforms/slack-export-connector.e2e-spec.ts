import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NormalizedMessage } from '@atlas/events';
import { compareTs, FetchedPage, PlatformError, SlackExportConnector } from '@atlas/platforms';
import { tempDir } from '../support/temp-dir';
import { buildZip, folderEntries } from '../support/zip-writer';
import { collectPages, idsOf, messagesOf, rejectionOf, request } from './slack-fixtures';

const DEMO = resolve(__dirname, '../../demo/slack-export');
const CHANNELS = { general: 'C04K7Q1GN2A', engineering: 'C04K7Q9EN5B', product: 'C04K8P2PD7C' };

function exportConnector(importDir: string, path: string, workspaceUrl?: string): SlackExportConnector {
  return new SlackExportConnector(
    {
      connection_id: 'conn_export',
      platform: 'slack_export',
      config: { path, workspace_url: workspaceUrl },
      credentials: null,
    },
    { maxRetryAfterSeconds: 5, importDir },
  );
}

/** Messages of a channel folder read straight from its files: what the connector must produce. */
function demoMessages(channel: string): Array<{ ts: string; day: string }> {
  const folder = join(DEMO, channel);
  return readdirSync(folder)
    .sort()
    .flatMap((day) =>
      (JSON.parse(readFileSync(join(folder, day), 'utf8')) as Array<{ ts: string }>).map(({ ts }) => ({ ts, day })),
    );
}

describe('Slack export connector on the demo export', () => {
  const imports = tempDir('export-imports');

  beforeAll(() => {
    cpSync(DEMO, join(imports.path, 'fernway'), { recursive: true });
    writeFileSync(join(imports.path, 'fernway.zip'), buildZip(folderEntries(DEMO)));
    writeFileSync(join(imports.path, 'fernway-in-folder.zip'), buildZip(folderEntries(DEMO, 'fernway-export/')));
  });

  afterAll(() => imports.remove());

  describe.each([
    ['an unpacked folder', 'fernway'],
    ['a ZIP file', 'fernway.zip'],
    ['a ZIP of the export folder', 'fernway-in-folder.zip'],
  ])('as %s', (_form, path) => {
    it('discovers the three channels and counts their messages', async () => {
      const channels = await exportConnector(imports.path, path).discoverChannels();
      expect(channels).toEqual(
        Object.entries(CHANNELS).map(([name, id]) => ({
          channel_id: id,
          name,
          topic: expect.any(String),
          is_private: false,
          message_count_hint: demoMessages(name).length,
        })),
      );
      for (const channel of channels) {
        expect(channel.message_count_hint).toBeGreaterThanOrEqual(40);
        expect(channel.message_count_hint).toBeLessThanOrEqual(80);
      }
    });

    it.each(Object.keys(CHANNELS))('fetches #%s oldest first, one page per day file', async (name) => {
      const pages = await collectPages(
        exportConnector(imports.path, path),
        request(CHANNELS[name as keyof typeof CHANNELS]),
      );
      const expected = demoMessages(name);
      expect(idsOf(messagesOf(pages))).toEqual([...expected].sort((a, b) => compareTs(a.ts, b.ts)).map(({ ts }) => ts));
      expect(pages).toHaveLength(new Set(expected.map(({ day }) => day)).size);
      expect(pages.map((page) => page.nextToken === null)).toEqual(
        pages.map((_page, index) => index === pages.length - 1),
      );
      expect(pages[pages.length - 1].cursor).toBe(
        expected
          .map(({ ts }) => ts)
          .sort(compareTs)
          .at(-1),
      );
    });
  });

  describe('what the messages say', () => {
    let messages: Record<string, NormalizedMessage[]>;

    beforeAll(async () => {
      const connector = exportConnector(imports.path, 'fernway.zip', 'https://fernway.slack.com/');
      messages = {};
      for (const [name, id] of Object.entries(CHANNELS))
        messages[name] = messagesOf(await collectPages(connector, request(id)));
    });

    const find = (channel: string, text: string) => {
      const found = messages[channel].find((message) => message.text.includes(text));
      if (!found) throw new Error(`No message in #${channel} says "${text}"`);
      return found;
    };

    it('renders mentions, links and channel references', () => {
      const welcome = find('general', 'Please welcome');
      expect(welcome.text).toMatch(/^Please welcome @Gus, who joins us/);
      expect(welcome.mentions).toEqual([{ id: 'U05B9G4L2GL', name: 'Gus' }]);
      expect(find('general', 'Focus Wednesday guidelines').text).toContain(
        'Focus Wednesdays (https://docs.fernway.io/focus-wednesdays). TL;DR: no recurring meetings, customer calls are OK, status updates go async in #engineering and #product.',
      );
      expect(find('general', 'Weekly wins').text).toContain('Bloom & Stem went live');
    });

    it('links replies to their thread and keeps reply counts on parents', () => {
      const question = find('engineering', 'are we OK dropping support for Safari 15?');
      const replies = messages.engineering.filter((message) => message.thread_parent_id === question.id);
      expect(replies).toHaveLength(question.reply_count);
      expect(replies.map((reply) => reply.author_name)).toEqual(['Ana', 'Chloé', 'Ana', 'Dev']);
      expect(replies[2].text).toBe(
        "Let's go with dropping Safari 15 starting with the 2.33 release. @Dev please add a note to the release notes.",
      );
      expect(replies[2].permalink).toBe(
        `https://fernway.slack.com/archives/C04K7Q9EN5B/p${replies[2].id.replace('.', '')}?thread_ts=${question.id}&cid=C04K7Q9EN5B`,
      );
    });

    it('keeps subtypes, bots, edits and files', () => {
      const joins = [...messages.general, ...messages.product].filter((message) => message.subtype === 'channel_join');
      expect(joins.map((join) => join.text)).toEqual(['@Gus has joined the channel', '@Gus has joined the channel']);
      const deploy = messages.engineering.find((message) => message.subtype === 'bot_message');
      expect(deploy).toMatchObject({ author_id: 'B05D3SHP1T0', author_name: 'Shipit', is_bot: true });
      expect(deploy?.text).toContain('12 commits by @Ben and @Dev');
      expect(messages.general.filter((message) => message.edited).map((message) => message.author_name)).toEqual([
        'Ana',
      ]);
      expect(find('product', 'Scheduled Reports mockups v1').attachments).toEqual([
        {
          name: 'scheduled-reports-v1.png',
          url: 'https://files.slack.com/files-pri/T04K7FRNWY1-F05E8RPT1MK/scheduled-reports-v1.png',
          mime_type: 'image/png',
          size: 482113,
        },
      ]);
    });

    it('leaves permalinks out without a workspace URL', async () => {
      const [page] = await collectPages(exportConnector(imports.path, 'fernway'), request(CHANNELS.general));
      expect(page.messages.every((message) => message.permalink === null)).toBe(true);
    });
  });

  it('fetches only messages newer than `since`', async () => {
    const all = demoMessages('product')
      .map(({ ts }) => ts)
      .sort(compareTs);
    const since = all[30];
    const pages = await collectPages(
      exportConnector(imports.path, 'fernway.zip'),
      request(CHANNELS.product, { since }),
    );
    expect(idsOf(messagesOf(pages))).toEqual(all.slice(31));
    expect(pages.at(-1)?.cursor).toBe(all.at(-1));
  });
});

describe('Slack export connector paging and resuming', () => {
  const imports = tempDir('export-paging');
  const channel = 'C0BIG';
  const busyDay: string[] = [];

  beforeAll(() => {
    const root = join(imports.path, 'big');
    cpSync(join(DEMO, 'users.json'), join(root, 'users.json'));
    writeFileSync(join(root, 'channels.json'), JSON.stringify([{ id: channel, name: 'launch' }]));
    const start = Date.parse('2025-03-03T08:00:00Z') / 1000;
    for (let index = 0; index < 1200; index += 1)
      busyDay.push(`${start + index * 10}.${String(index).padStart(6, '0')}`);
    mkdirSync(join(root, 'launch'), { recursive: true });
    // Written newest first: the connector must sort by ts, not trust the file's order.
    const newestFirst = [...busyDay].reverse().map((ts) => ({ type: 'message', user: 'U04K7QJ2M1A', text: ts, ts }));
    writeFileSync(join(root, 'launch/2025-03-03.json'), JSON.stringify(newestFirst));
    writeFileSync(
      join(root, 'launch/2025-03-04.json'),
      JSON.stringify([{ type: 'message', user: 'U04K7R8B3BN', text: 'next day', ts: '1741082400.000100' }]),
    );
  });

  afterAll(() => imports.remove());

  it('splits a busy day into pages of 500', async () => {
    const pages = await collectPages(exportConnector(imports.path, 'big'), request(channel));
    expect(pages.map((page) => page.messages.length)).toEqual([500, 500, 200, 1]);
    expect(idsOf(messagesOf(pages))).toEqual([...busyDay, '1741082400.000100']);
    expect(pages.map((page) => page.cursor)).toEqual([busyDay[499], busyDay[999], busyDay[1199], '1741082400.000100']);
  });

  it.each([
    [1, 120],
    [2, 0],
    [3, 1],
  ])('resumes at page %i after %i published messages without loss or repetition', async (interrupted, published) => {
    const pages: FetchedPage[] = await collectPages(exportConnector(imports.path, 'big'), request(channel));
    const before = [...messagesOf(pages.slice(0, interrupted)), ...pages[interrupted].messages.slice(0, published)];
    const last = pages[interrupted - 1];

    const resumed = await collectPages(
      exportConnector(imports.path, 'big'),
      request(channel, { resume: { token: last.nextToken, skip: published, cursor: last.cursor } }),
    );

    expect([...idsOf(before), ...idsOf(messagesOf(resumed))]).toEqual(idsOf(messagesOf(pages)));
    expect(resumed.at(-1)?.nextToken).toBeNull();
  });

  it('yields nothing when nothing is newer than `since`', async () => {
    const pages = await collectPages(
      exportConnector(imports.path, 'big'),
      request(channel, { since: '1741082400.000100' }),
    );
    expect(pages).toEqual([]);
  });
});
