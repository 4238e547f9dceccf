import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformError } from '@atlas/platforms';
import { DiscordExportConnector } from '@atlas/platforms';
import { validateImport } from '@atlas/platforms';
import { allMessages, contractWorkspace, CONTRACT_CHANNEL, replyKey, topLevelKey } from '../support/chat-fixture';
import { DceIds, dceFileName, writeDceJsonExport } from '../support/import-fixtures/dce-writer';
import { ImportWorkspace } from '../support/import-fixtures/import-workspace';
import { tempDir } from '../support/temp-dir';
import { collectPages, idsOf, messagesOf, rejectionOf, request } from './slack-fixtures';

function connector(importDir: string, path: string, config: Record<string, string> = {}): DiscordExportConnector {
  return new DiscordExportConnector(
    { connection_id: 'conn_dce', platform: 'discord_export', config: { path, ...config }, credentials: null },
    { maxRetryAfterSeconds: 5, importDir },
  );
}

async function platformErrorOf(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

interface DceDocument {
  channel: Record<string, unknown>;
  messages: Array<Record<string, unknown>>;
  messageCount: number;
}

describe('DiscordChatExporter JSON exports', () => {
  const imports = tempDir('dce-exports');
  const ids = new DceIds();
  const state = new ImportWorkspace(contractWorkspace());
  const general = state.channel(CONTRACT_CHANNEL.key);
  const generalId = ids.channel(general.key);
  const expectedIds = allMessages(general).map((message) => ids.message(general.key, message));
  const read = (folder: string, name: string) =>
    JSON.parse(readFileSync(join(imports.path, folder, name), 'utf8')) as DceDocument;

  beforeAll(() => {
    writeDceJsonExport(join(imports.path, 'guild'), state, ids, { exportedAt: new Date('2026-03-10T00:00:00Z') });
    writeDceJsonExport(join(imports.path, 'legacy'), state, ids, { legacy: true });

    // DCE's --partition: the channel split in two files, the long thread's replies across both.
    const whole = read('guild', dceFileName(ids, general, 'json'));
    const partitioned = join(imports.path, 'partitioned');
    mkdirSync(partitioned);
    const cut = whole.messages.length - 100;
    [whole.messages.slice(0, cut), whole.messages.slice(cut)].forEach((messages, index) => {
      const name = dceFileName(ids, general, 'json').replace('.json', ` [part ${index + 1}].json`);
      writeFileSync(join(partitioned, name), JSON.stringify({ ...whole, messages, messageCount: messages.length }));
    });
    // A thread exported as its own file: DCE puts its parent channel in categoryId.
    writeFileSync(
      join(partitioned, `Atlas Crew - general - release plan [1300000000000000777].json`),
      JSON.stringify({
        ...whole,
        channel: {
          id: '1300000000000000777',
          type: 'GuildPrivateThread',
          categoryId: generalId,
          category: 'general',
          name: 'release plan',
          topic: null,
        },
        messages: whole.messages.slice(0, 3),
        messageCount: 3,
      }),
    );
  });

  afterAll(() => imports.remove());

  it('discovers one channel per file, counted by the count DCE writes at the end', async () => {
    const channels = await connector(imports.path, 'guild').discoverChannels();
    expect(channels).toEqual([
      {
        channel_id: generalId,
        name: 'general',
        topic: 'All about general',
        is_private: false,
        message_count_hint: expectedIds.length,
      },
      {
        channel_id: ids.channel('random'),
        name: 'random',
        topic: 'All about random',
        is_private: false,
        message_count_hint: 3,
      },
    ]);
  });

  it('reads a channel split into partitions as one, threads across the partitions included', async () => {
    const channels = await connector(imports.path, 'partitioned').discoverChannels();
    expect(
      channels.map(({ channel_id, name, is_private, message_count_hint }) => [
        channel_id,
        name,
        is_private,
        message_count_hint,
      ]),
    ).toEqual([
      ['1300000000000000777', 'release plan', true, 3],
      [generalId, 'general', false, expectedIds.length],
    ]);
    const whole = messagesOf(await collectPages(connector(imports.path, 'guild'), request(generalId)));
    const split = messagesOf(await collectPages(connector(imports.path, 'partitioned'), request(generalId)));
    expect(split).toEqual(whole);
    const longThread = split.find(
      (message) => message.id === ids.message(general.key, state.message(general.key, topLevelKey(250))),
    );
    expect(longThread?.reply_count).toBe(230);
  });

  it('reads replies the same in exports without reference.type and author roles', async () => {
    const legacy = messagesOf(await collectPages(connector(imports.path, 'legacy'), request(generalId)));
    const parent = ids.message(general.key, state.message(general.key, topLevelKey(3)));
    expect(legacy.find((message) => message.id === parent)?.reply_count).toBe(4);
    const reply = ids.message(general.key, state.message(general.key, replyKey(3, 0)));
    expect(legacy.find((message) => message.id === reply)?.thread_parent_id).toBe(parent);
  });

  it('reads one file given by its path, and refuses another format than its own', async () => {
    const file = `guild/${dceFileName(ids, general, 'json')}`;
    expect(idsOf(messagesOf(await collectPages(connector(imports.path, file), request(generalId))))).toEqual(
      expectedIds,
    );
    const error = await platformErrorOf(connector(imports.path, file, { format: 'csv' }).discoverChannels());
    expect(error.message).toMatch(/general \[\d+\]\.json is not valid CSV: /);
  });

  it('names an unknown channel CHANNEL_NOT_FOUND and a path outside the import folder PLATFORM_ERROR', async () => {
    const unknown = await platformErrorOf(collectPages(connector(imports.path, 'guild'), request('42')));
    expect(unknown).toMatchObject({
      code: 'CHANNEL_NOT_FOUND',
      transient: false,
      message: 'Channel 42 is not in guild',
    });
    const outside = await platformErrorOf(connector(imports.path, '../elsewhere').discoverChannels());
    expect(outside).toMatchObject({ code: 'PLATFORM_ERROR', message: '"../elsewhere" is outside the import folder' });
  });

  it('refuses to resume on a file rewritten since the token was written', async () => {
    const folder = join(imports.path, 'rewritten');
    writeDceJsonExport(folder, state, ids);
    const pages = await collectPages(connector(imports.path, 'rewritten'), request(generalId));
    writeDceJsonExport(folder, state, ids, { exportedAt: new Date('2026-12-01T00:00:00Z') });
    const error = await platformErrorOf(
      collectPages(
        connector(imports.path, 'rewritten'),
        request(generalId, { resume: { token: pages[0].nextToken, skip: 0, cursor: pages[0].cursor } }),
      ),
    );
    expect(error).toMatchObject({
      code: 'PLATFORM_ERROR',
      transient: false,
      message: 'rewritten changed while it was being imported: sync the channel again',
    });
  });

  describe('broken files', () => {
    const broken = join(imports.path, 'broken');
    beforeAll(() => {
      mkdirSync(broken);
      const text = readFileSync(join(imports.path, 'guild', dceFileName(ids, general, 'json')), 'utf8');
      writeFileSync(join(broken, 'cut [1].json'), text.slice(0, Math.floor(text.length / 2)));
      const document = read('guild', dceFileName(ids, general, 'json'));
      document.channel.id = '2';
      delete document.messages[4].id;
      writeFileSync(join(broken, 'no-id [2].json'), JSON.stringify(document));
    });

    it('names the file cut short, found when its messages are read', async () => {
      const error = await platformErrorOf(collectPages(connector(imports.path, 'broken'), request(generalId)));
      expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
      expect(error.message).toBe(
        'cut [1].json in broken ends before its "messages" array is closed: the file is cut short',
      );
    });

    it('names the message without an id', async () => {
      const error = await platformErrorOf(collectPages(connector(imports.path, 'broken'), request('2')));
      expect(error.message).toBe('no-id [2].json in broken: message 5 has no id');
    });

    it('fails the check of an upload that discovery alone lets through', async () => {
      const settings = {
        connection_id: 'conn_dce',
        platform: 'discord_export' as const,
        config: { path: 'broken' },
        credentials: null,
      };
      const options = { maxRetryAfterSeconds: 5, importDir: imports.path };
      const error = await platformErrorOf(validateImport(settings, options));
      expect(error.message).toContain('cut [1].json in broken');
      const good = await validateImport({ ...settings, config: { path: 'guild' } }, options);
      expect(good.messages).toBe(expectedIds.length + 3);
    });
  });
});
