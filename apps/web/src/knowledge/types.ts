/**
 * The knowledge API's answers as this app reads them (libs/gateway/src/knowledge/*-view.ts; README.md, The API).
 */
export const FACT_TYPES = [
  'decision',
  'action_item',
  'question',
  'answer',
  'announcement',
  'opinion',
  'observation',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

export type EntityType = 'person' | 'team' | 'project' | 'technology' | 'place' | 'decision' | 'artifact' | 'topic';

export interface WikiCitation {
  n: number;
  message_id: string;
  author_name: string | null;
  timestamp: string;
  excerpt: string;
  permalink: string | null;
}

export interface WikiPageSummary {
  slug: string;
  title: string;
  version: number;
  updated_at: string;
}

export interface WikiIndex {
  channel_id: string;
  pages: WikiPageSummary[];
}

export interface WikiPage {
  channel_id: string;
  slug: string;
  title: string;
  version: number;
  updated_at: string;
  markdown: string;
  /** Rendered by the server from the Markdown with raw HTML escaped; sanitized again before it is shown. */
  html: string;
  citations: WikiCitation[];
}

export interface WikiPageVersionSummary {
  version: number;
  content_hash: string;
  job_id: string;
  created_at: string;
}

export interface FactEntity {
  id: string | null;
  key: string;
  name: string;
  type: EntityType;
  kind: string | null;
}

export interface Fact {
  id: string;
  channel_id: string;
  text: string;
  type: FactType;
  confidence: number;
  entities: FactEntity[];
  relations: { type: string; source: string; target: string }[];
  topics: string[];
  subject: string | null;
  valid_at: string;
  due_at: string | null;
  supersedes: string | null;
  superseded_by: string | null;
  owner: string | null;
  reports_done: boolean;
  state: 'open' | 'done' | 'current' | 'superseded' | null;
  closed_by: string | null;
  language: string;
  source: {
    message_id: string;
    author_id: string | null;
    author_name: string | null;
    timestamp: string;
    thread_id: string | null;
    permalink: string | null;
    text: string | null;
  };
}

export interface FactsPage {
  channel_id: string;
  facts: Fact[];
  next_cursor: string | null;
}

export interface FactDetail {
  fact: Fact;
  chain: Fact[];
}

export interface Entity {
  id: string;
  key: string;
  name: string;
  type: EntityType;
  kind: string | null;
  aliases: string[];
  channel_ids: string[];
}

export interface EntitiesPage {
  entities: Entity[];
  next_cursor: string | null;
}

export interface Relation {
  id: string;
  type: string;
  direction: 'outgoing' | 'incoming';
  other: { id: string; name: string | null; type: EntityType | null };
  fact_ids: string[];
  weight: number;
}

export interface EntityDetail {
  entity: Entity & { fact_count: number };
  relations: Relation[];
  facts: Fact[];
}
