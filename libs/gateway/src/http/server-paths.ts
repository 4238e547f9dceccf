import { realpathSync } from 'node:fs';
import { sep } from 'node:path';

interface Folder {
  path: string;
  /** What the folder is shown as; '' for the import folder, whose paths are shown relative to it. */
  shownAs: string;
}

/**
 * Keeps the server's directory layout out of answers: a client knows files by their place in the import
 * folder (`acme`, `uploads/<sha256>.zip`), never by their absolute path. Connections store the real path
 * of their export and platform error texts name files by it; every JSON answer passes through `hide`, so
 * a connection's `config.path`, a refusal's message and a failed job's error all show it relative.
 */
export class ServerPaths {
  private folders: Folder[] | null = null;

  constructor(
    private readonly importDir: string,
    private readonly dataDir: string,
  ) {}

  /** The text with every mention of the import folder made relative and of the data dir hidden. */
  hide(text: string): string {
    let shown = text;
    for (const folder of this.knownFolders()) {
      if (!shown.includes(folder.path)) continue;
      shown = shown.replaceAll(`${folder.path}${sep}`, folder.shownAs === '' ? '' : `${folder.shownAs}${sep}`);
      shown = shown.replace(new RegExp(`${escapeRegExp(folder.path)}(?![\\w.-])`, 'g'), folder.shownAs || '.');
    }
    return shown;
  }

  /** For JSON.stringify (express's `json replacer`): every string of an answer through hide(). */
  readonly jsonReplacer = (_key: string, value: unknown): unknown =>
    typeof value === 'string' ? this.hide(value) : value;

  /**
   * The folders as configured and as their real paths (links followed, as stored paths are), longest
   * first: the import folder usually lies inside the data dir. Resolved on first use, once they exist.
   */
  private knownFolders(): Folder[] {
    if (this.folders) return this.folders;
    const folders: Folder[] = [];
    let resolved = true;
    for (const [path, shownAs] of [
      [this.importDir, ''],
      [this.dataDir, '<data dir>'],
    ] as const) {
      folders.push({ path, shownAs });
      try {
        const real = realpathSync(path);
        if (real !== path) folders.push({ path: real, shownAs });
      } catch {
        resolved = false;
      }
    }
    folders.sort((a, b) => b.path.length - a.path.length);
    if (resolved) this.folders = folders;
    return folders;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
