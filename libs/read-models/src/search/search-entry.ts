import { stableId } from '@atlas/common';
import type { FactType } from '@atlas/events';
import type { FactDoc, MessageDoc, Projected, WikiPageDoc } from '../documents';
import { wikiSections } from './wiki-sections';

/**
 * The search index (collection `search_entries`): one entry per fact, per message and per wiki page section, each
 * with the text BM25 ranks. One collection rather than the facts', messages' and pages' own: FTS5 scores a document
 * against the statistics of its own table, so only one table makes a fact's score and a message's comparable.
 * Entries hold what does not change without their source changing (text, time, citation); what later events change
 * about a fact (state, supersession, resolved entities) is read from the fact when searching, so it lives in one place.
 * An entry is a function of its source document (its last_seq is the source's when the entry was written), so a
 * rebuild gives the same entries.
 */
export const SEARCH_KINDS = ['fact', 'wiki_section', 'message'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Who said it, when, where: the message a hit comes from. */
export interface SearchCitation {
  message_id: string;
  author_id: string | null;
  author_name: string | null;
  timestamp: string;
  permalink: string | null;
}

export interface SearchEntryDoc extends Projected {
  kind: SearchKind;
  /** The fact id, the message id, or `<slug>#<anchor>` (just `<slug>` for the part under a page's title). */
  ref_id: string;
  channel_id: string;
  /** The message a fact or message entry comes from (null for wiki sections). */
  message_id: string | null;
  /** The wiki page document of a section (null otherwise). */
  page_id: string | null;
  fact_type: FactType | null;
  /** What `kind` and `type` filter on in one `$in`: `fact:<type>`, `message` or `wiki_section`. */
  filter_key: string;
  /** The searched text. */
  text: string;
  /** The fact's valid_at, the message's timestamp, the page's updated_at: recency and from/to. */
  time: string;
  wiki: { slug: string; title: string; heading: string; anchor: string | null } | null;
  /** A fact's or message's one source; a section's cited sources in first-use order. */
  citations: SearchCitation[];
}

export const filterKeyOf = (kind: SearchKind, factType: FactType | null = null): string =>
  kind === 'fact' ? `fact:${factType}` : kind;

const entryId = (kind: SearchKind, channelId: string, refId: string) => stableId('search', kind, channelId, refId);

export function factEntry(fact: FactDoc): SearchEntryDoc {
  return {
    id: entryId('fact', fact.channel_id, fact.id),
    kind: 'fact',
    ref_id: fact.id,
    channel_id: fact.channel_id,
    message_id: fact.message_id,
    page_id: null,
    fact_type: fact.type,
    filter_key: filterKeyOf('fact', fact.type),
    text: fact.text,
    time: fact.valid_at,
    wiki: null,
    citations: [
      {
        message_id: fact.source.message_id,
        author_id: fact.source.author_id,
        author_name: fact.source.author_name,
        timestamp: fact.source.timestamp,
        permalink: fact.source.permalink,
      },
    ],
    last_seq: fact.last_seq,
  };
}

/** A message worth finding: not deleted, with some text. */
export function messageEntry(message: MessageDoc): SearchEntryDoc | null {
  if (message.deleted || message.text.trim() === '') return null;
  return {
    id: messageEntryId(message.channel_id, message.message_id),
    kind: 'message',
    ref_id: message.message_id,
    channel_id: message.channel_id,
    message_id: message.message_id,
    page_id: null,
    fact_type: null,
    filter_key: filterKeyOf('message'),
    text: message.text,
    time: message.timestamp,
    wiki: null,
    citations: [
      {
        message_id: message.message_id,
        author_id: message.author_id,
        author_name: message.author_name,
        timestamp: message.timestamp,
        permalink: message.permalink,
      },
    ],
    last_seq: message.last_seq,
  };
}

export const messageEntryId = (channelId: string, messageId: string) => entryId('message', channelId, messageId);

/** A page's sections; `authors` gives the author id of a cited message (wiki citations carry only the name). */
export function wikiSectionEntries(page: WikiPageDoc, authors: ReadonlyMap<string, string | null>): SearchEntryDoc[] {
  const byNumber = new Map(page.citations.map((citation) => [citation.n, citation]));
  return wikiSections(page.markdown, page.title).map((section) => {
    const refId = section.anchor === null ? page.slug : `${page.slug}#${section.anchor}`;
    return {
      id: entryId('wiki_section', page.channel_id, refId),
      kind: 'wiki_section',
      ref_id: refId,
      channel_id: page.channel_id,
      message_id: null,
      page_id: page.id,
      fact_type: null,
      filter_key: filterKeyOf('wiki_section'),
      // The heading is searched too: "Decisions" finds the section of decisions.
      text: `${section.heading}\n${section.text}`,
      time: page.updated_at,
      wiki: { slug: page.slug, title: page.title, heading: section.heading, anchor: section.anchor },
      citations: section.cited.flatMap((n) => {
        const citation = byNumber.get(n);
        if (!citation) return [];
        return [
          {
            message_id: citation.message_id,
            author_id: authors.get(citation.message_id) ?? null,
            author_name: citation.author_name,
            timestamp: citation.timestamp,
            permalink: citation.permalink,
          },
        ];
      }),
      last_seq: page.last_seq,
    };
  });
}
