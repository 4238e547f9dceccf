import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// Not through @atlas/gateway: the services must not load openapi-typescript and prettier (dev dependencies).
import { buildApiDocumentOffline } from '../../../libs/gateway/src/http/api-document-offline';
import { API_TYPES_FILE, renderApiTypes } from '../../../libs/gateway/src/http/api-types';

/**
 * `npm run api:types`: writes the web app's API types from the gateway's OpenAPI document, built without a
 * server (no NATS, no store). Run from the repository's root.
 */
async function main(): Promise<void> {
  const root = process.cwd();
  const types = await renderApiTypes(await buildApiDocumentOffline(), root);
  const file = join(root, API_TYPES_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, types);
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
