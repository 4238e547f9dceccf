import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under the import folder's uploads, staging included, as paths relative to it, sorted. */
export function storedUploads(importDir: string): string[] {
  const folder = join(importDir, 'uploads');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}
