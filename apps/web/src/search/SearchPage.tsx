import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { messagePath } from '../jobs/paths';
import { formatTime, humanize } from '../knowledge/format';
import { knowledgePaths } from '../knowledge/paths';
import { useLoad } from '../knowledge/use-load';
import { Highlighted } from './Highlighted';
import './search.css';
import { searchPath } from './paths';

type SearchHit = components['schemas']['SearchHit'];
type SearchKind = SearchHit['kind'];

const KINDS: Array<{ value: SearchKind | ''; label: string }> = [
  { value: '', label: 'Everything' },
  { value: 'fact', label: 'Facts' },
  { value: 'wiki_section', label: 'Wiki sections' },
  { value: 'message', label: 'Messages' },
];
const PAGE_SIZE = 20;

/** Where a hit is shown in the app: its fact, its wiki page at the section, or its message. */
export function hitPath(hit: SearchHit): string {
  if (hit.kind === 'fact') return knowledgePaths.fact(hit.channel_id, hit.id);
  if (hit.kind === 'wiki_section' && hit.wiki) {
    const page = knowledgePaths.wikiPage(hit.channel_id, hit.wiki.slug);
    return hit.wiki.anchor ? `${page}#${hit.wiki.anchor}` : page;
  }
  return messagePath(hit.channel_id, hit.id);
}

function hitTitle(hit: SearchHit): string {
  if (hit.kind === 'wiki_section' && hit.wiki) {
    return hit.wiki.heading === hit.wiki.title ? hit.wiki.title : `${hit.wiki.title} › ${hit.wiki.heading}`;
  }
  if (hit.kind === 'fact') return `Fact: ${humanize(hit.fact_type ?? 'fact')}`;
  return `Message by ${hit.citation?.author_name ?? 'unknown author'}`;
}

/** /search?q=…: ranked hits over facts, wiki sections and messages, with kind and channel filters. */
export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get('q') ?? '';
  const kind = (params.get('kind') ?? '') as SearchKind | '';
  const channelId = params.get('channel_id') ?? '';
  const channels = useLoad(() => api.channels(), 'channels');
  const query = { q, kind: kind ? [kind] : undefined, channel_id: channelId ? [channelId] : undefined };
  const key = JSON.stringify(query);
  const first = useLoad(() => api.search({ ...query, limit: PAGE_SIZE }), key);
  const [more, setMore] = useState<{ key: string; hits: SearchHit[]; cursor: string | null }>({
    key,
    hits: [],
    cursor: null,
  });
  const [moreError, setMoreError] = useState<string | null>(null);
  useEffect(() => {
    setMore({ key, hits: [], cursor: null });
    setMoreError(null);
  }, [key]);

  const setFilter = (change: { kind?: string; channel_id?: string }) =>
    void navigate(searchPath(q, { kind, channel_id: channelId, ...change }));

  if (q.trim() === '') {
    return (
      <section aria-labelledby="search-title">
        <h1 id="search-title">Search</h1>
        <p className="kn-muted">Type words in the search box above.</p>
      </section>
    );
  }
  const ready = first.state === 'ready' ? first.data : null;
  const extra = more.key === key ? more : { hits: [], cursor: null };
  const hits = ready ? [...ready.hits, ...extra.hits] : [];
  const nextCursor = extra.hits.length > 0 ? extra.cursor : (ready?.next_cursor ?? null);
  const loadMore = async () => {
    if (!nextCursor) return;
    try {
      const page = await api.search({ ...query, limit: PAGE_SIZE, cursor: nextCursor });
      setMore({ key, hits: [...extra.hits, ...page.hits], cursor: page.next_cursor });
      setMoreError(null);
    } catch (error) {
      setMoreError((error as Error).message);
    }
  };

  return (
    <section aria-labelledby="search-title" className="search-page">
      <h1 id="search-title">Results for “{q}”</h1>
      <div className="search-filters">
        <label>
          Kind{' '}
          <select value={kind} onChange={(event) => setFilter({ kind: event.target.value })}>
            {KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Channel{' '}
          <select value={channelId} onChange={(event) => setFilter({ channel_id: event.target.value })}>
            <option value="">All channels</option>
            {(channels.state === 'ready' ? channels.data.channels : []).map((channel) => (
              <option key={channel.channel_id} value={channel.channel_id}>
                #{channel.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {first.state === 'loading' && (
        <p className="kn-muted" role="status">
          Searching…
        </p>
      )}
      {first.state === 'error' && (
        <p className="kn-error" role="alert">
          Could not search: {first.error.message}
        </p>
      )}
      {ready && hits.length === 0 && <p className="kn-muted">Nothing found.</p>}
      {hits.length > 0 && (
        <ol className="search-hits" aria-label="Search results">
          {hits.map((hit) => (
            <li key={`${hit.kind}:${hit.channel_id}:${hit.id}`} className="search-hit">
              <p className="search-hit-title">
                <span className={`search-kind search-kind-${hit.kind}`}>{humanize(hit.kind)}</span>{' '}
                <Link to={hitPath(hit)}>{hitTitle(hit)}</Link>
                {hit.superseded_by && <span className="search-superseded"> (superseded)</span>}
              </p>
              <p className="search-snippet">
                <Highlighted text={hit.snippet} highlights={hit.highlights} />
              </p>
              <p className="kn-muted search-meta">
                #{hit.channel_name ?? hit.channel_id}
                {hit.citation && (
                  <>
                    {' · '}
                    {hit.citation.author_name ?? 'Unknown author'}, {formatTime(hit.citation.timestamp)}
                    {' · '}
                    <Link to={messagePath(hit.channel_id, hit.citation.message_id)}>source</Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      {moreError && (
        <p className="kn-error" role="alert">
          Could not load more results: {moreError}
        </p>
      )}
      {nextCursor && (
        <button type="button" className="secondary" onClick={() => void loadMore()}>
          More results
        </button>
      )}
    </section>
  );
}
