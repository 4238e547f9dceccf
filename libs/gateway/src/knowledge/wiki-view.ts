import { ApiProperty } from '@nestjs/swagger';
import type { WikiPageDoc, WikiPageVersionDoc } from '@atlas/read-models';
import { WikiCitation } from '../http/event-shapes';
import { renderWikiMarkdown } from './wiki-markdown';

export class WikiPageSummary {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: 'string', format: 'date-time' }) updated_at: string;
}

export class WikiPageView {
  @ApiProperty() channel_id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) version: number;
  /** When this version was written. */
  @ApiProperty({ type: 'string', format: 'date-time', description: 'When this version was written' })
  updated_at: string;
  @ApiProperty({ description: 'The page, citing its sources as [n]' }) markdown: string;
  @ApiProperty({ description: 'The Markdown rendered, safe to show: raw HTML is escaped' }) html: string;
  @ApiProperty({ type: [WikiCitation] }) citations: WikiCitation[];
}

export class WikiPageVersionSummary {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() content_hash: string;
  @ApiProperty({ description: 'The sync job that wrote it' }) job_id: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) created_at: string;
}

/** GET /api/wiki/{channel_id} */
export class WikiIndexView {
  @ApiProperty() channel_id: string;
  @ApiProperty({ type: [WikiPageSummary] }) pages: WikiPageSummary[];
}

/** GET /api/wiki/{channel_id}/pages/{slug}/versions */
export class WikiVersionsView {
  @ApiProperty() slug: string;
  @ApiProperty({ type: [WikiPageVersionSummary], description: 'Latest first' }) versions: WikiPageVersionSummary[];
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
