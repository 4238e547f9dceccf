import { useMemo, useRef, useState, type MouseEvent } from 'react';
import type { WikiCitation } from '../types';
import { CitationPanel } from './CitationPanel';
import { safeWikiHtml } from './safe-html';

/** The number a citation link points at: `#source-3` → 3. */
const CITATION_HREF = /^#source-(\d+)$/;

/**
 * A wiki page's rendered HTML. Each `[n]` citation is a link (so it is reachable with Tab and opened with
 * Enter); opening one shows its source message beside the text instead of jumping to the Sources list.
 */
export function WikiArticle({ html, citations, title }: { html: string; citations: WikiCitation[]; title: string }) {
  const safe = useMemo(() => safeWikiHtml(html), [html]);
  const [open, setOpen] = useState<WikiCitation | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const byNumber = useMemo(() => new Map(citations.map((citation) => [citation.n, citation])), [citations]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    const match = link ? CITATION_HREF.exec(link.getAttribute('href') ?? '') : null;
    const citation = match ? byNumber.get(Number(match[1])) : undefined;
    if (!link || !citation) return;
    event.preventDefault();
    opener.current = link;
    setOpen(citation);
  };

  const close = () => {
    setOpen(null);
    opener.current?.focus();
  };

  return (
    <div className={open ? 'kn-article-layout kn-with-panel' : 'kn-article-layout'}>
      <article className="kn-article" aria-label={title} onClick={onClick} dangerouslySetInnerHTML={{ __html: safe }} />
      {open && <CitationPanel citation={open} onClose={close} />}
    </div>
  );
}
