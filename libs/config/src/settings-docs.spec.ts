import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Every environment variable loadConfig reads: the names it passes to read(), integer() and flag(). */
function settingsRead(): string[] {
  const source = read('libs/config/src/atlas-config.ts');
  return [...new Set([...source.matchAll(/\b(?:read|integer|flag)\('([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]))].sort();
}

describe('the settings a user can find', () => {
  const settings = settingsRead();

  it('finds the settings the configuration reads', () => {
    expect(settings).toEqual(expect.arrayContaining(['NATS_URL', 'MONGODB_URI', 'ATLAS_API_KEYS', 'PORT']));
  });

  it("lists every one in README.md's configuration table, and nothing else", () => {
    const documented = [...read('README.md').matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual(settings);
  });

  it('lists every one in .env.example, and nothing else', () => {
    const listed = [...read('.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...new Set(listed)].sort()).toEqual(settings);
  });
});
