import { useEffect, useId, useRef } from 'react';
import { formatTime } from '../format';
import type { WikiCitation } from '../types';

/**
 * The source message of a citation, beside the page (a sheet at the bottom on a phone). Focus moves into it
 * when it opens; Escape or the close button closes it and the page puts focus back on the citation.
 */
export function CitationPanel({ citation, onClose }: { citation: WikiCitation; onClose: () => void }) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [citation]);

  return (
    <aside
      className="kn-citation-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="kn-citation-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Source [{citation.n}]
        </h2>
        <button type="button" className="secondary" onClick={onClose} aria-label="Close source">
          ×
        </button>
      </div>
      <p className="kn-citation-meta">
        <span className="kn-citation-author">{citation.author_name ?? 'Unknown author'}</span>
        {' · '}
        <time dateTime={citation.timestamp}>{formatTime(citation.timestamp)}</time>
      </p>
      <blockquote className="kn-citation-excerpt">{citation.excerpt}</blockquote>
      {citation.permalink ? (
        <p>
          <a href={citation.permalink} target="_blank" rel="noopener noreferrer nofollow">
            Open the message where it was posted
          </a>
        </p>
      ) : (
        <p className="kn-muted">This message has no link to its platform (an export keeps none).</p>
      )}
      <p className="kn-muted kn-small">Message id {citation.message_id}</p>
    </aside>
  );
}
