import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';

/** The web app's types of the API, relative to the repository's root; its client is openapi-fetch over `paths`. */
export const API_TYPES_FILE = join('apps', 'web', 'src', 'api', 'schema.d.ts');

const HEADER = `// The Atlas Sync API as TypeScript types, generated from the gateway's OpenAPI document.
// Do not edit: run \`npm run api:types\` after changing a controller or DTO (docs/API.md).
`;

/**
 * The TypeScript declarations of the document (openapi-typescript), formatted as the repository formats
 * TypeScript, so the committed file and a fresh one compare byte for byte. openapi-typescript checks the
 * document against the OpenAPI schema first (Redocly's minimal rules) and throws on an error.
 */
export async function renderApiTypes(document: OpenAPIObject, repositoryRoot: string): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], { silent: true });
  const file = join(repositoryRoot, API_TYPES_FILE);
  const options = await resolveConfig(file);
  return format(HEADER + astToString(ast), { ...options, filepath: file });
}
