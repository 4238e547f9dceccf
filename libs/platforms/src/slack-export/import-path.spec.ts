import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportPathError, isInside, resolveImportPath } from './import-path';

describe('resolveImportPath', () => {
  let sandbox: string;
  let importDir: string;

  beforeEach(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'atlas-import-path-'));
    importDir = join(sandbox, 'imports');
    mkdirSync(join(importDir, 'acme-export'), { recursive: true });
    mkdirSync(join(importDir, '..odd-but-inside'));
    writeFileSync(join(importDir, 'acme.zip'), 'PK');
    mkdirSync(join(sandbox, 'secrets'));
    symlinkSync(join(sandbox, 'secrets'), join(importDir, 'escape'));
    symlinkSync(join(importDir, 'acme-export'), join(importDir, 'alias'));
  });

  afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

  it('accepts folders and files inside the import folder, relative or absolute', () => {
    expect(resolveImportPath(importDir, 'acme-export')).toBe(join(importDir, 'acme-export'));
    expect(resolveImportPath(importDir, join(importDir, 'acme.zip'))).toBe(join(importDir, 'acme.zip'));
    expect(resolveImportPath(importDir, './acme-export/../acme.zip')).toBe(join(importDir, 'acme.zip'));
    expect(resolveImportPath(importDir, '..odd-but-inside')).toBe(join(importDir, '..odd-but-inside'));
  });

  it('follows links that stay inside', () => {
    expect(resolveImportPath(importDir, 'alias')).toBe(join(importDir, 'acme-export'));
  });

  it.each([
    ['a parent path', '../secrets'],
    ['an absolute path elsewhere', '/etc'],
    ['a link pointing out of the folder', 'escape'],
  ])('refuses %s', (_case, path) => {
    expect(() => resolveImportPath(importDir, path)).toThrow(ImportPathError);
    expect(() => resolveImportPath(importDir, path)).toThrow('outside the import folder');
  });

  it('refuses missing and empty paths with their own messages', () => {
    // Paths are normalized before the file system sees them, so `escape/..` never reaches the link's target.
    expect(() => resolveImportPath(importDir, 'escape/../secrets')).toThrow('No export found at "escape/../secrets"');
    expect(() => resolveImportPath(importDir, 'nope.zip')).toThrow('No export found at "nope.zip"');
    expect(() => resolveImportPath(importDir, '  ')).toThrow('The export path is empty');
  });

  it('carries the path as given', () => {
    let caught: unknown;
    try {
      resolveImportPath(importDir, '../secrets');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportPathError);
    expect((caught as ImportPathError).path).toBe('../secrets');
  });
});

describe('isInside', () => {
  it('tells contained paths from the folder’s siblings and parents', () => {
    expect(isInside('/data/imports', '/data/imports')).toBe(true);
    expect(isInside('/data/imports', '/data/imports/a/b')).toBe(true);
    expect(isInside('/data/imports', '/data/imports-old/a')).toBe(false);
    expect(isInside('/data/imports', '/data')).toBe(false);
  });
});
