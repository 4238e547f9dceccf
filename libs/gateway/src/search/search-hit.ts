import { ApiProperty } from '@nestjs/swagger';
import { FACT_STATES, FACT_TYPES } from '@atlas/events';
import type { FactState, FactType } from '@atlas/events';
import { SEARCH_KINDS } from '@atlas/read-models';
import type { SearchKind } from '@atlas/read-models';

/** The message a hit comes from. */
export class SearchCitationView {
  @ApiProperty() message_id: string;
  @ApiProperty({ type: 'string', nullable: true }) author_id: string | null;
  @ApiProperty({ type: 'string', nullable: true }) author_name: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) timestamp: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The message on its platform, when it has a link' })
  permalink: string | null;
}

/** Where a wiki section hit is. */
export class SearchWikiSectionView {
  @ApiProperty() slug: string;
  @ApiProperty({ description: "The page's title" }) title: string;
  @ApiProperty({ description: "The section's heading (the page title for the part under it)" }) heading: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: "The heading's element id on the rendered page (`html` of GET /api/wiki/{channel_id}/pages/{slug})",
  })
  anchor: string | null;
}

/** One search result. */
export class SearchHit {
  @ApiProperty({ enum: SEARCH_KINDS }) kind: SearchKind;
  @ApiProperty({ description: 'The fact id, the message id, or `<slug>#<anchor>` of a wiki section' }) id: string;
  @ApiProperty() channel_id: string;
  @ApiProperty({ type: 'string', nullable: true }) channel_name: string | null;
  @ApiProperty({ description: 'Plain text (never HTML): the matching part of the hit, cut with … when long' })
  snippet: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
    description: '[start, end) of each matched word in `snippet`, in UTF-16 code units (JavaScript string indices)',
  })
  highlights: Array<[number, number]>;
  @ApiProperty({ description: 'BM25 relevance (a superseded fact: halved, and below what replaced it)' })
  score: number;
  @ApiProperty({ description: 'A fact about an entity the query names: ranked before the other hits' })
  entity_match: boolean;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    description: "A fact's valid_at, a message's time, a wiki page's updated_at",
  })
  time: string;
  @ApiProperty({ enum: FACT_TYPES, nullable: true, description: 'Facts only' }) fact_type: FactType | null;
  @ApiProperty({ enum: FACT_STATES, nullable: true, description: 'Facts only' }) state: FactState | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Facts only: the fact that replaced it' })
  superseded_by: string | null;
  @ApiProperty({ type: SearchWikiSectionView, nullable: true, description: 'Wiki sections only' })
  wiki: SearchWikiSectionView | null;
  @ApiProperty({
    type: SearchCitationView,
    nullable: true,
    description: "The hit's source: a fact's or message's message, a wiki section's first citation",
  })
  citation: SearchCitationView | null;
  @ApiProperty({ type: [SearchCitationView], description: 'Every source: one, or the citations of a wiki section' })
  citations: SearchCitationView[];
}

/** GET /api/search */
export class SearchPageView {
  @ApiProperty({ type: [SearchHit], description: 'Best first' }) hits: SearchHit[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  next_cursor: string | null;
}
