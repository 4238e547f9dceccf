import { compareText } from './ordering';

/**
 * The identity of a name, shared by extraction, graph and wiki so that they merge the same things:
 * case, Unicode width forms, a leading @ or # and spacing do not make two names different.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[@#]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names by how often they were used, most first; ties in code-unit order ("Postgres" before "postgres"). */
export function rankNamesByUse(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b))
    .map(([name]) => name);
}
