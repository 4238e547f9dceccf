import { importFailure } from '../import-files/import-failure';

/** Which column (CSV) or field (JSONL) holds each part of a message. */
export interface ImportMapping {
  text: string;
  timestamp: string;
  author?: string;
  author_id?: string;
  id?: string;
  thread_parent_id?: string;
  channel?: string;
  /** When the row was last edited, or deleted when `deleted` says so. */
  edited_at?: string;
  deleted?: string;
}

export const MAPPING_KEYS = [
  'id',
  'author',
  'author_id',
  'text',
  'timestamp',
  'thread_parent_id',
  'channel',
  'edited_at',
  'deleted',
] as const;

/**
 * What is wrong with a parsed mapping, every problem in one list (empty when it is usable): unknown
 * keys, keys mapped to no column, and the parts every message needs. The upload endpoint shows the
 * whole list; the connector fails on it.
 */
export function importMappingProblems(mapping: object): string[] {
  const problems: string[] = [];
  for (const [key, column] of Object.entries(mapping)) {
    if (!(MAPPING_KEYS as readonly string[]).includes(key)) {
      problems.push(`mapping.${key} is not a message field (known: ${MAPPING_KEYS.join(', ')})`);
    } else if (typeof column !== 'string' || column.trim() === '') {
      problems.push(`mapping.${key} must name a column or field (a non-empty string)`);
    }
  }
  for (const key of ['text', 'timestamp']) if (!(key in mapping)) problems.push(`mapping.${key} is required`);
  if (!('author' in mapping) && !('author_id' in mapping))
    problems.push('mapping.author or mapping.author_id is required');
  if ('thread_parent_id' in mapping && !('id' in mapping)) {
    problems.push('mapping.thread_parent_id needs mapping.id: replies point at messages by their ids');
  }
  return problems;
}

/** Reads `config.mapping`, a JSON object such as `{"text":"body","timestamp":"sent_at","author":"user"}`. */
export function parseImportMapping(value: string | undefined): ImportMapping {
  if (!value) throw mappingError('is missing: it names the columns that hold text, timestamp and author');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw mappingError('is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw mappingError('is not a JSON object');
  const problems = importMappingProblems(parsed);
  if (problems.length > 0) throw mappingError(`is not usable: ${problems.join('; ')}`);
  return parsed as ImportMapping;
}

export function mappedColumns(mapping: ImportMapping): Array<[keyof ImportMapping, string]> {
  return MAPPING_KEYS.filter((key) => mapping[key] !== undefined).map((key) => [key, mapping[key]!]);
}

function mappingError(problem: string) {
  return importFailure(`The column mapping (config.mapping) ${problem}`);
}
