import { FACT_TYPES, type FactType } from '../types';

/** What the facts explorer filters by, as its form holds it. Dates are calendar days (UTC), `to` included. */
export interface FactFilters {
  types: FactType[];
  /** A graph entity id, and its name to show beside it. */
  entity: string;
  entityName: string;
  q: string;
  from: string;
  to: string;
}

/** The facts endpoint's query (README.md): `type` a comma list, `to` exclusive. */
export interface FactsQuery {
  type?: string;
  entity?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  [name: string]: string | number | undefined;
}

export const EMPTY_FILTERS: FactFilters = { types: [], entity: '', entityName: '', q: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters a URL's search names; unknown types and malformed days are dropped, not guessed at. */
export function filtersFromSearch(search: URLSearchParams): FactFilters {
  const types = (search.get('type') ?? '')
    .split(',')
    .filter((type): type is FactType => (FACT_TYPES as readonly string[]).includes(type));
  const day = (name: string) => {
    const value = search.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    types: FACT_TYPES.filter((type) => types.includes(type)),
    entity: search.get('entity') ?? '',
    entityName: search.get('entity_name') ?? '',
    q: search.get('q') ?? '',
    from: day('from'),
    to: day('to'),
  };
}

/** The URL search that reopens the explorer with these filters (shareable, kept by the back button). */
export function searchFromFilters(filters: FactFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.types.length > 0) search.set('type', filters.types.join(','));
  if (filters.entity) {
    search.set('entity', filters.entity);
    if (filters.entityName) search.set('entity_name', filters.entityName);
  }
  if (filters.q.trim()) search.set('q', filters.q.trim());
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  return search;
}

/** The day after a calendar day: the form's `to` is the last day shown, the API's the first day not shown. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** What is wrong with the filters before they are sent, or null. */
export function filtersProblem(filters: FactFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to) return 'The "from" day must not be after the "to" day.';
  return null;
}

export function factsQuery(filters: FactFilters, limit: number): FactsQuery {
  const query: FactsQuery = { limit };
  if (filters.types.length > 0) query.type = filters.types.join(',');
  if (filters.entity) query.entity = filters.entity;
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = nextDay(filters.to);
  return query;
}
