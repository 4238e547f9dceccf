import { diffLines, diffWordsWithSpace, type Change } from 'diff';

export type DiffMode = 'lines' | 'words';

export interface DiffPart {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** How one version's Markdown became another's: by line (a page is mostly one sentence a line) or by word. */
export function textDiff(before: string, after: string, mode: DiffMode): DiffPart[] {
  const changes: Change[] = mode === 'lines' ? diffLines(before, after) : diffWordsWithSpace(before, after);
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/** Lines added and removed, for the summary read before the diff itself. */
export function diffCounts(parts: DiffPart[]): { added: number; removed: number } {
  const lines = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.kind === 'added') added += lines(part.text);
    if (part.kind === 'removed') removed += lines(part.text);
  }
  return { added, removed };
}
