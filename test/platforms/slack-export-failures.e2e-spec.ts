import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ImportPathError, PlatformError, resolveImportPath, SlackExportConnector } from '@atlas/platforms';
import { tempDir } from '../support/temp-dir';
import { buildZip, folderEntries } from '../support/zip-writer';
import { collectPages, rejectionOf, request } from './slack-fixtures';

const DEMO = resolve(__dirname, '../../demo/slack-export');
const GENERAL = 'C04K7Q1GN2A';
const ENGINEERING = 'C04K7Q9EN5B';
const PRODUCT = 'C04K8P2PD7C';

function exportConnector(importDir: string, path: string): SlackExportConnector {
  return new SlackExportConnector(
    { connection_id: 'conn_export', platform: 'slack_export', config: { path }, credentials: null },
    { maxRetryAfterSeconds: 5, importDir },
  );
}

async function platformErrorOf(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('Slack export connector failures', () => {
  const sandbox = tempDir('export-failures');
  const imports = join(sandbox.path, 'imports');

  beforeAll(() => {
    mkdirSync(imports);
    cpSync(DEMO, join(sandbox.path, 'elsewhere'), { recursive: true });
    symlinkSync(join(sandbox.path, 'elsewhere'), join(imports, 'linked-out'));
  });

  afterAll(() => sandbox.remove());

  describe('paths outside the import folder', () => {
    it.each([
      ['a parent path', '../elsewhere'],
      ['an absolute path', join(sandbox.path, 'elsewhere')],
      ['a link leading out', 'linked-out'],
    ])('refuses %s, both to the API and to a sync', async (_case, path) => {
      expect(() => resolveImportPath(imports, path)).toThrow(ImportPathError);
      const error = await platformErrorOf(exportConnector(imports, path).discoverChannels());
      expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
      expect(error.message).toBe(`"${path}" is outside the import folder`);
    });

    it('does not follow a link inside the export that leads out of it', async () => {
      cpSync(DEMO, join(imports, 'sneaky'), { recursive: true });
      rmSync(join(imports, 'sneaky/general'), { recursive: true });
      symlinkSync(join(sandbox.path, 'elsewhere/general'), join(imports, 'sneaky/general'));

      const error = await platformErrorOf(collectPages(exportConnector(imports, 'sneaky'), request(GENERAL)));

      expect(error.message).toBe('general in sneaky leads outside the export');
    });
  });

  describe('broken exports', () => {
    beforeAll(() => {
      cpSync(DEMO, join(imports, 'broken'), { recursive: true });
      writeFileSync(
        join(imports, 'broken/engineering/2025-03-12.json'),
        '[{"type": "message", "ts": "1741772000.000100",',
      );
      writeFileSync(join(imports, 'broken/product/2025-03-13.json'), '{"not": "an array"}');
      cpSync(DEMO, join(imports, 'renamed'), { recursive: true });
      cpSync(join(imports, 'renamed/general'), join(imports, 'renamed/general-old'), { recursive: true });
      rmSync(join(imports, 'renamed/general'), { recursive: true });
    });

    it('reports malformed JSON, naming the file', async () => {
      const error = await platformErrorOf(collectPages(exportConnector(imports, 'broken'), request(ENGINEERING)));
      expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
      expect(error.message).toMatch(/^engineering\/2025-03-12\.json in broken is not valid JSON: /);
    });

    it('reports JSON of the wrong shape, naming the file', async () => {
      const error = await platformErrorOf(collectPages(exportConnector(imports, 'broken'), request(PRODUCT)));
      expect(error.message).toBe('product/2025-03-13.json in broken is not a JSON array');
    });

    it('skips day files far older than `since` without reading them', async () => {
      // 2025-03-19 16:00 UTC: the broken file of March 12 cannot hold anything newer.
      const since = '1742400000.000000';
      const pages = await collectPages(exportConnector(imports, 'broken'), request(ENGINEERING, { since }));
      const messages = pages.flatMap((page) => page.messages);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.every((message) => message.timestamp > '2025-03-19T16:00:00.000Z')).toBe(true);
    });

    it('fails discovery on a malformed day file too', async () => {
      const error = await platformErrorOf(exportConnector(imports, 'broken').discoverChannels());
      expect(error.message).toContain('engineering/2025-03-12.json in broken');
    });

    it('reports a channel whose folder is missing as CHANNEL_NOT_FOUND', async () => {
      const error = await platformErrorOf(collectPages(exportConnector(imports, 'renamed'), request(GENERAL)));
      expect(error).toMatchObject({ code: 'CHANNEL_NOT_FOUND', transient: false });
      expect(error.message).toBe(`The folder "general" of channel ${GENERAL} is missing from renamed`);
    });

    it('reports a channel the export does not list as CHANNEL_NOT_FOUND', async () => {
      const error = await platformErrorOf(collectPages(exportConnector(imports, 'renamed'), request('C0NOPE')));
      expect(error).toMatchObject({ code: 'CHANNEL_NOT_FOUND', message: 'Channel C0NOPE is not in renamed' });
    });

    it('refuses a folder without channels.json', async () => {
      mkdirSync(join(imports, 'empty'));
      const error = await platformErrorOf(exportConnector(imports, 'empty').discoverChannels());
      expect(error.message).toBe('empty is not a Slack export: it has no channels.json');
    });
  });

  describe('hostile ZIP files', () => {
    it('refuses an archive with an entry escaping it', async () => {
      writeFileSync(
        join(imports, 'escape.zip'),
        buildZip([...folderEntries(DEMO), { name: '../../evil.json', data: '[]' }]),
      );
      const error = await platformErrorOf(exportConnector(imports, 'escape.zip').discoverChannels());
      expect(error.message).toBe('escape.zip is not a readable ZIP archive: invalid relative path: ../../evil.json');
    });

    it('refuses an entry claiming an absurd size before inflating it', async () => {
      const entries = folderEntries(DEMO).map((entry) =>
        entry.name === 'users.json' ? { ...entry, declaredSize: 300 * 1024 * 1024 } : entry,
      );
      writeFileSync(join(imports, 'bomb.zip'), buildZip(entries));
      const error = await platformErrorOf(collectPages(exportConnector(imports, 'bomb.zip'), request(GENERAL)));
      expect(error.message).toBe(
        'users.json in bomb.zip is 314572800 bytes, more than an export file can be (67108864)',
      );
    });

    it('refuses a file that is not a ZIP archive', async () => {
      writeFileSync(join(imports, 'notes.zip'), 'just some text');
      const error = await platformErrorOf(exportConnector(imports, 'notes.zip').discoverChannels());
      expect(error.message).toMatch(/^notes\.zip is not a readable ZIP archive: /);
    });
  });
});
