import { Link } from 'react-router';
import { formatTime, humanize } from '../format';
import { knowledgePaths } from '../paths';
import type { Fact } from '../types';

/** One fact: its text, type and state, who said it when, what it is about and what it replaced. */
export function FactCard({ fact, current = false }: { fact: Fact; current?: boolean }) {
  const linkedEntities = fact.entities.filter((entity) => entity.id !== null);
  return (
    <article className={`kn-fact${current ? ' kn-fact-current' : ''}`} aria-current={current ? 'true' : undefined}>
      {current && <p className="kn-this-fact kn-small">The fact you opened</p>}
      <p className="kn-fact-text">{fact.text}</p>
      <p className="kn-fact-meta kn-small">
        <span className={`kn-badge kn-badge-${fact.type}`}>{humanize(fact.type)}</span>
        {fact.state && <span className="kn-badge kn-badge-state">{fact.state}</span>}
        <span>
          {fact.source.author_name ?? 'Unknown author'} ·{' '}
          <time dateTime={fact.valid_at}>{formatTime(fact.valid_at)}</time>
        </span>
        {fact.due_at && (
          <span>
            due <time dateTime={fact.due_at}>{formatTime(fact.due_at)}</time>
          </span>
        )}
      </p>
      {linkedEntities.length > 0 && (
        <ul className="kn-chips" aria-label="About">
          {linkedEntities.map((entity) => (
            <li key={entity.key}>
              <Link to={knowledgePaths.entity(entity.id!, fact.channel_id)}>
                {entity.name} <span className="kn-muted">({entity.type})</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {(fact.supersedes || fact.superseded_by) && (
        <p className="kn-fact-chain kn-small">
          {fact.supersedes && (
            <Link to={knowledgePaths.fact(fact.channel_id, fact.supersedes)}>← Replaces an earlier fact</Link>
          )}
          {fact.superseded_by && (
            <Link to={knowledgePaths.fact(fact.channel_id, fact.superseded_by)}>Replaced by a later fact →</Link>
          )}
          {!current && <Link to={knowledgePaths.fact(fact.channel_id, fact.id)}>Show the whole history</Link>}
        </p>
      )}
      {(fact.source.text || fact.source.permalink) && (
        <details className="kn-small">
          <summary>Source message</summary>
          {fact.source.text && <blockquote className="kn-citation-excerpt">{fact.source.text}</blockquote>}
          {fact.source.permalink && (
            <a href={fact.source.permalink} target="_blank" rel="noopener noreferrer nofollow">
              Open the message where it was posted
            </a>
          )}
        </details>
      )}
    </article>
  );
}
