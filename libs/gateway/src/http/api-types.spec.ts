import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { buildApiDocumentOffline } from './api-document-offline';
import { API_TYPES_FILE, renderApiTypes } from './api-types';

const ROOT = join(__dirname, '..', '..', '..', '..');
const TYPES_PATH = join(ROOT, API_TYPES_FILE);

/** The first line where two texts differ, to say where a stale file went wrong. */
function firstDifference(committed: string, fresh: string): string {
  const [a, b] = [committed.split('\n'), fresh.split('\n')];
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '<end>')}, fresh ${JSON.stringify(b[at] ?? '<end>')}`;
}

describe('the web app API types', () => {
  it(`${API_TYPES_FILE} is what the gateway's current OpenAPI document generates`, async () => {
    const fresh = await renderApiTypes(await buildApiDocumentOffline(), ROOT);
    const committed = existsSync(TYPES_PATH) ? readFileSync(TYPES_PATH, 'utf8') : '';
    if (committed !== fresh) {
      throw new Error(
        `${API_TYPES_FILE} is stale (${firstDifference(committed, fresh)}): run \`npm run api:types\` and commit it`,
      );
    }
  }, 60_000);

  it('type-checks on its own, strictly', () => {
    const program = ts.createProgram([TYPES_PATH], { strict: true, noEmit: true, types: [], lib: ['lib.es5.d.ts'] });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 60_000);
});
