import type { WikiCitation } from '@atlas/events';
import type { WikiPageDoc, WikiPageVersionDoc } from '@atlas/read-models';
import { renderWikiMarkdown } from './wiki-markdown';

export interface WikiPageSummary {
  slug: string;
  title: string;
  version: number;
  updated_at: string;
}

export interface WikiPageView {
  channel_id: string;
  slug: string;
  title: string;
  version: number;
  /** When this version was written. */
  updated_at: string;
  markdown: string;
  html: string;
  citations: WikiCitation[];
}

export interface WikiPageVersionSummary {
  version: number;
  content_hash: string;
  job_id: string;
  created_at: string;
}

export function wikiPageSummary(page: WikiPageDoc): WikiPageSummary {
  return { slug: page.slug, title: page.title, version: page.version, updated_at: page.updated_at };
}

/** The current page with its Markdown rendered. */
export function wikiPageView(page: WikiPageDoc): WikiPageView {
  return renderedPage(page, page.updated_at);
}

/** An earlier (or the current) version of a page with its Markdown rendered. */
export function wikiPageVersionView(version: WikiPageVersionDoc): WikiPageView {
  return renderedPage(version, version.created_at);
}

function renderedPage(page: WikiPageDoc | WikiPageVersionDoc, writtenAt: string): WikiPageView {
  return {
    channel_id: page.channel_id,
    slug: page.slug,
    title: page.title,
    version: page.version,
    updated_at: writtenAt,
    markdown: page.markdown,
    html: renderWikiMarkdown(page.markdown),
    citations: page.citations,
  };
}

export function wikiPageVersionSummary(version: WikiPageVersionDoc): WikiPageVersionSummary {
  return {
    version: version.version,
    content_hash: version.content_hash,
    job_id: version.job_id,
    created_at: version.created_at,
  };
}
