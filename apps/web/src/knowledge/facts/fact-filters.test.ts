import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  factsQuery,
  filtersFromSearch,
  filtersProblem,
  nextDay,
  searchFromFilters,
} from './fact-filters';

describe('fact filters', () => {
  it('reads the URL, dropping unknown types and malformed days, in the API order of types', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        'type=question,bogus,decision&entity=ent_1&entity_name=Ana&q=billing&from=2025-03-01&to=03/05',
      ),
    );
    expect(filters).toEqual({
      types: ['decision', 'question'],
      entity: 'ent_1',
      entityName: 'Ana',
      q: 'billing',
      from: '2025-03-01',
      to: '',
    });
  });

  it('writes filters back to a URL that reads the same', () => {
    const filters = { ...EMPTY_FILTERS, types: ['decision' as const], q: ' postgres ', to: '2025-03-31' };
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe('type=decision&q=postgres&to=2025-03-31');
    expect(filtersFromSearch(search)).toEqual({ ...filters, q: 'postgres' });
    expect(searchFromFilters(EMPTY_FILTERS).toString()).toBe('');
  });

  it('maps to the facts endpoint query: a comma list of types and an exclusive `to` (the day after)', () => {
    const query = factsQuery(
      {
        types: ['decision', 'action_item'],
        entity: 'ent_1',
        entityName: 'Ana',
        q: 'db',
        from: '2025-02-01',
        to: '2025-02-28',
      },
      25,
    );
    expect(query).toEqual({
      limit: 25,
      type: 'decision,action_item',
      entity: 'ent_1',
      q: 'db',
      from: '2025-02-01',
      to: '2025-03-01',
    });
    expect(factsQuery(EMPTY_FILTERS, 10)).toEqual({ limit: 10 });
  });

  it('steps over month and year ends, leap days included', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-02-28')).toBe('2025-03-01');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });

  it('refuses a range that ends before it starts, but not a single day', () => {
    expect(filtersProblem({ ...EMPTY_FILTERS, from: '2025-03-02', to: '2025-03-01' })).toMatch(/from/);
    expect(filtersProblem({ ...EMPTY_FILTERS, from: '2025-03-01', to: '2025-03-01' })).toBeNull();
  });
});
