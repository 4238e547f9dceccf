import type { ReadModelStore } from '@atlas/store';
import type { FactDoc, MessageDoc, WikiPageDoc } from '../documents';
import { factEntry, messageEntry, messageEntryId, SearchEntryDoc, wikiSectionEntries } from '../search/search-entry';
import { messageDocId } from './channels.projection';
import { Projection } from './projection';
import { wikiPageDocId } from './wiki-pages.projection';

/**
 * Keeps the search index (search/search-entry.ts) in step with the messages, facts and wiki pages projectKnowledge
 * just wrote in the same transaction: entries are rebuilt from those documents, never from the event, so a replayed
 * or redelivered event writes the same entries. An edited message's entry changes with it; a deleted one's goes; a
 * re-extraction replaces its message's fact entries (retracted facts leave the index); a regenerated page replaces its
 * sections, and a page the wiki no longer has takes its sections with it.
 */
export const projectSearchIndex: Projection = async (tx, { event }) => {
  switch (event.type) {
    case 'MessagesFetched': {
      const { channel_id } = event.data;
      const ids = [...new Set(event.data.messages.map((message) => message.id))];
      const messages = await tx.getMany<MessageDoc>(
        'messages',
        ids.map((id) => messageDocId(channel_id, id)),
      );
      const entries = messages.flatMap((message) => messageEntry(message) ?? []);
      const gone = messages.filter((message) => messageEntry(message) === null);
      await tx.putMany('search_entries', entries);
      for (const message of gone) await tx.delete('search_entries', messageEntryId(channel_id, message.message_id));
      return;
    }
    case 'FactsExtracted': {
      const { channel_id, message_ids } = event.data;
      const scope = { channel_id, message_id: { $in: message_ids } };
      await tx.deleteWhere('search_entries', { ...scope, kind: 'fact' });
      await tx.putMany('search_entries', (await tx.find<FactDoc>('facts', { where: scope })).map(factEntry));
      return;
    }
    case 'WikiPageGenerated': {
      const { channel_id, slug } = event.data.page;
      await indexWikiPage(tx, wikiPageDocId(channel_id, slug));
      return;
    }
    case 'WikiGenerated': {
      const sections = await tx.find<SearchEntryDoc>('search_entries', {
        where: { kind: 'wiki_section', channel_id: event.data.channel_id },
      });
      const pageIds = [...new Set(sections.map((section) => section.page_id!))];
      const present = new Set((await tx.getMany<WikiPageDoc>('wiki_pages', pageIds)).map((page) => page.id));
      for (const pageId of pageIds) {
        if (!present.has(pageId)) await tx.deleteWhere('search_entries', { page_id: pageId });
      }
      return;
    }
  }
};

async function indexWikiPage(tx: ReadModelStore, pageId: string): Promise<void> {
  const page = await tx.get<WikiPageDoc>('wiki_pages', pageId);
  await tx.deleteWhere('search_entries', { page_id: pageId });
  if (page) await tx.putMany('search_entries', await wikiPageSearchEntries(tx, page));
}

/** A page's section entries, each citation with its message's author id (wiki citations carry only the name). */
export async function wikiPageSearchEntries(tx: ReadModelStore, page: WikiPageDoc): Promise<SearchEntryDoc[]> {
  const cited = [...new Set(page.citations.map((citation) => citation.message_id))];
  const messages = await tx.getMany<MessageDoc>(
    'messages',
    cited.map((id) => messageDocId(page.channel_id, id)),
  );
  return wikiSectionEntries(page, new Map(messages.map((message) => [message.message_id, message.author_id])));
}
