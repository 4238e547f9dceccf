import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { humanize } from '../format';
import { knowledgeApi } from '../knowledge-api';
import { narrowScreen } from '../narrow-screen';
import { FACT_TYPES, type Fact } from '../types';
import { EntityPicker } from './EntityPicker';
import { FactCard } from './FactCard';
import { factsQuery, filtersFromSearch, filtersProblem, searchFromFilters, type FactFilters } from './fact-filters';

const PAGE_SIZE = 25;

interface Listing {
  facts: Fact[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/**
 * A channel's facts in time order, filtered by type, entity, words and days. The filters live in the URL, so a
 * filtered view can be shared and the back button undoes a filter; the server filters and pages (its cursor).
 */
export function FactsExplorer() {
  const { channelId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const applied = filtersFromSearch(search);
  const appliedKey = searchFromFilters(applied).toString();
  const [draft, setDraft] = useState<FactFilters>(applied);
  const [listing, setListing] = useState<Listing>({ facts: [], nextCursor: null, loading: true, error: null });
  const problem = filtersProblem(draft);
  const ids = { q: useId(), from: useId(), to: useId() };

  useEffect(() => setDraft(filtersFromSearch(new URLSearchParams(appliedKey))), [appliedKey]);

  // Each listing (channel and applied filters) has its own number: an answer for an earlier one is dropped.
  const listingNumber = useRef(0);

  const load = (cursor: string | null, keep: Fact[]) => {
    const number = listingNumber.current;
    const isCurrent = () => number === listingNumber.current;
    setListing((listing) => ({ ...listing, loading: true, error: null }));
    const query = factsQuery(filtersFromSearch(new URLSearchParams(appliedKey)), PAGE_SIZE);
    knowledgeApi.facts(channelId, query, cursor ?? undefined).then(
      (page) =>
        isCurrent() &&
        setListing({ facts: [...keep, ...page.facts], nextCursor: page.next_cursor, loading: false, error: null }),
      (error: Error) =>
        isCurrent() && setListing({ facts: keep, nextCursor: cursor, loading: false, error: error.message }),
    );
  };

  // From the first page again whenever the channel or the applied filters change (`load` reads only those).
  useEffect(() => {
    listingNumber.current += 1;
    load(null, []);
  }, [channelId, appliedKey]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) setSearch(searchFromFilters(draft));
  };
  const toggleType = (type: (typeof FACT_TYPES)[number], on: boolean) =>
    setDraft({ ...draft, types: FACT_TYPES.filter((t) => (t === type ? on : draft.types.includes(t))) });

  return (
    <section className="kn-facts" aria-labelledby="kn-facts-title">
      <h2 id="kn-facts-title">Facts</h2>
      <details className="kn-filters-fold" open={!narrowScreen()}>
        <summary>Filters</summary>
        <form className="kn-filters" onSubmit={apply} aria-label="Filter facts">
          <fieldset className="kn-types">
            <legend>Type</legend>
            {FACT_TYPES.map((type) => (
              <label key={type} className="kn-check">
                <input
                  type="checkbox"
                  checked={draft.types.includes(type)}
                  onChange={(event) => toggleType(type, event.target.checked)}
                />
                {humanize(type)}
              </label>
            ))}
          </fieldset>
          <EntityPicker
            channelId={channelId}
            entity={draft.entity}
            entityName={draft.entityName}
            onChange={(entity, entityName) => setDraft({ ...draft, entity, entityName })}
          />
          <div className="kn-field">
            <label htmlFor={ids.q} className="kn-label">
              Words
            </label>
            <input
              id={ids.q}
              type="search"
              value={draft.q}
              maxLength={200}
              aria-describedby={`${ids.q}-hint`}
              onChange={(event) => setDraft({ ...draft, q: event.target.value })}
            />
            <span id={`${ids.q}-hint`} className="kn-hint">
              Each word must begin a word of the fact.
            </span>
          </div>
          <div className="kn-field">
            <label htmlFor={ids.from} className="kn-label">
              From (UTC day)
            </label>
            <input
              id={ids.from}
              type="date"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          </div>
          <div className="kn-field">
            <label htmlFor={ids.to} className="kn-label">
              To (UTC day, included)
            </label>
            <input
              id={ids.to}
              type="date"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          </div>
          {problem && (
            <p className="kn-error" role="alert">
              {problem}
            </p>
          )}
          <div className="kn-form-actions">
            <button type="submit" disabled={problem !== null}>
              Apply filters
            </button>
            <button type="button" className="secondary" onClick={() => setSearch(new URLSearchParams())}>
              Clear
            </button>
          </div>
        </form>
      </details>

      <div className="kn-facts-results" aria-busy={listing.loading}>
        <p className="kn-muted kn-small" role="status">
          {listing.loading && listing.facts.length === 0
            ? 'Loading facts…'
            : `${listing.facts.length} fact${listing.facts.length === 1 ? '' : 's'} shown${listing.nextCursor ? ', more to load' : ''}`}
        </p>
        {listing.error && (
          <p className="kn-error" role="alert">
            Could not load facts: {listing.error}
          </p>
        )}
        <ol className="kn-fact-list">
          {listing.facts.map((fact) => (
            <li key={fact.id}>
              <FactCard fact={fact} />
            </li>
          ))}
        </ol>
        {listing.nextCursor && (
          <button
            type="button"
            className="secondary"
            disabled={listing.loading}
            onClick={() => load(listing.nextCursor, listing.facts)}
          >
            {listing.loading ? 'Loading…' : 'Load more facts'}
          </button>
        )}
      </div>
    </section>
  );
}
