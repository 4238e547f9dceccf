import { queryWords } from './search-words';
import type { FieldCondition, Scalar, Where } from './store';

/**
 * SQLite splices paths into SQL (index expressions must match query expressions literally) and MongoDB reads them
 * as keys, so only plain dotted names pass: no quotes, and never an operator such as `$where`.
 */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const RANGE_OPERATORS = ['$gt', '$gte', '$lt', '$lte'] as const;
export type RangeOperator = (typeof RANGE_OPERATORS)[number];
export type Value = Exclude<Scalar, null>;

/**
 * One field's condition, checked. Both adapters translate this form rather than `Where` itself, so a query is
 * valid on one exactly when it is valid on the other, and fails with the same message.
 */
export type Clause = { path: string } & (
  | { kind: 'equals'; value: Scalar }
  | { kind: 'in'; values: Scalar[] }
  | { kind: 'notEquals'; value: Scalar }
  /** At least one bound, in RANGE_OPERATORS order. */
  | { kind: 'range'; bounds: Array<[RangeOperator, Value]> }
  | { kind: 'contains'; value: Value }
  | { kind: 'includes'; text: string }
  /** The distinct words of the query, as typed (see queryWords); none matches nothing. */
  | { kind: 'matches'; words: string[] }
);

/** The clauses of `where`, throwing on the first invalid one; a range without bounds constrains nothing and is left out. */
export function parseWhere(where: Where = {}): Clause[] {
  return Object.entries(where).flatMap(([path, condition]) => {
    const clause = parseCondition(checkedPath(path), condition);
    return clause ? [clause] : [];
  });
}

export function checkedPath(path: string): string {
  if (!FIELD_PATH.test(path))
    throw new Error(`Invalid field path "${path}": use dotted names of letters, digits and _`);
  return path;
}

function parseCondition(path: string, condition: FieldCondition): Clause | undefined {
  if (condition === null || typeof condition !== 'object')
    return { path, kind: 'equals', value: scalar(path, condition) };
  const operators = Object.keys(condition);
  if (operators.every((operator) => (RANGE_OPERATORS as readonly string[]).includes(operator))) {
    return parseRange(path, condition as Partial<Record<RangeOperator, Scalar>>);
  }
  if (operators.length === 1 && '$in' in condition) {
    if (!Array.isArray(condition.$in))
      throw new Error(`$in on "${path}" needs an array, got ${JSON.stringify(condition.$in)}`);
    return { path, kind: 'in', values: condition.$in.map((value) => scalar(path, value)) };
  }
  if (operators.length === 1 && '$ne' in condition)
    return { path, kind: 'notEquals', value: scalar(path, condition.$ne) };
  if (operators.length === 1 && '$contains' in condition) {
    return { path, kind: 'contains', value: nonNull(path, '$contains', condition.$contains) };
  }
  if (operators.length === 1 && '$includes' in condition) {
    const text = condition.$includes;
    if (typeof text !== 'string') throw new Error(`$includes on "${path}" needs a string, got ${JSON.stringify(text)}`);
    return { path, kind: 'includes', text };
  }
  if (operators.length === 1 && '$matches' in condition) {
    const query = condition.$matches;
    if (typeof query !== 'string')
      throw new Error(`$matches on "${path}" needs a string, got ${JSON.stringify(query)}`);
    return { path, kind: 'matches', words: queryWords(query) };
  }
  throw new Error(`Unsupported condition on "${path}": ${JSON.stringify(condition)}`);
}

function parseRange(path: string, range: Partial<Record<RangeOperator, Scalar>>): Clause | undefined {
  const bounds = RANGE_OPERATORS.flatMap((operator): Array<[RangeOperator, Value]> =>
    range[operator] === undefined ? [] : [[operator, nonNull(path, operator, range[operator])]],
  );
  return bounds.length > 0 ? { path, kind: 'range', bounds } : undefined;
}

/** Null means something only to equality, $in and $ne; elsewhere SQL and MongoDB would each read it their own way. */
function nonNull(path: string, operator: string, value: unknown): Value {
  const checked = scalar(path, value);
  if (checked === null) throw new Error(`${operator} on "${path}" needs a value, not null`);
  return checked;
}

function scalar(path: string, value: unknown): Scalar {
  const ok =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (!ok)
    throw new Error(`Condition on "${path}" needs a string, finite number, boolean or null, got ${String(value)}`);
  return value as Scalar;
}
