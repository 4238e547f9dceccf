import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerPaths } from './server-paths';

describe('ServerPaths', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'atlas-paths-')));
  const dataDir = join(root, 'data');
  const importDir = join(dataDir, 'imports');
  mkdirSync(importDir, { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('shows paths in the import folder relative to it, and the data dir by name only', () => {
    const paths = new ServerPaths(importDir, dataDir);
    expect(paths.hide(`${importDir}/acme`)).toBe('acme');
    expect(paths.hide(`"${importDir}/uploads/ab.zip" cannot be read`)).toBe('"uploads/ab.zip" cannot be read');
    expect(paths.hide(importDir)).toBe('.');
    expect(paths.hide(`SQLite at ${dataDir}/atlas.sqlite`)).toBe('SQLite at <data dir>/atlas.sqlite');
    expect(paths.hide(`${dataDir}-other/x`)).toBe(`${dataDir}-other/x`);
  });

  it('knows the folders by their real paths too, as connections store them', () => {
    const link = join(root, 'link');
    symlinkSync(dataDir, link);
    const paths = new ServerPaths(join(link, 'imports'), link);
    expect(paths.hide(`${importDir}/acme and ${link}/imports/acme`)).toBe('acme and acme');
  });

  it('rewrites every string of an answer as JSON.stringify writes it', () => {
    const paths = new ServerPaths(importDir, dataDir);
    const answer = { config: { path: `${importDir}/acme` }, list: [`${dataDir}/x`, 3] };
    expect(JSON.parse(JSON.stringify(answer, paths.jsonReplacer))).toEqual({
      config: { path: 'acme' },
      list: ['<data dir>/x', 3],
    });
  });
});
