import type { ReadModelStore, StoredDocument } from '@atlas/store';
import type { FactDoc, MessageDoc, WikiPageDoc } from '../documents';
import { wikiPageSearchEntries } from '../projections/search-index.projection';
import { factEntry, messageEntry, SearchEntryDoc } from './search-entry';

const BATCH = 1_000;

/**
 * Fills an empty search index from the messages, facts and wiki pages already in the store: what a store written
 * before the index existed needs once (the projector does it when it starts). Entries are functions of those
 * documents, so this gives what `read-models:rebuild` would (but for last_seq: here the source's current one, which
 * supersession may have moved since the projector wrote the entry). One transaction: no event is projected
 * between reading a source and writing its entry. Returns how many entries it wrote (0: nothing to do).
 */
export async function fillSearchIndexIfEmpty(store: ReadModelStore): Promise<number> {
  return store.transaction(async (tx) => {
    if ((await tx.count('search_entries')) > 0 || (await tx.count('messages')) === 0) return 0;
    let written = 0;
    const put = async (entries: SearchEntryDoc[]) => {
      await tx.putMany('search_entries', entries);
      written += entries.length;
    };
    for await (const messages of batches<MessageDoc>(tx, 'messages')) {
      await put(messages.flatMap((message) => messageEntry(message) ?? []));
    }
    for await (const facts of batches<FactDoc>(tx, 'facts')) await put(facts.map(factEntry));
    for await (const pages of batches<WikiPageDoc>(tx, 'wiki_pages')) {
      for (const page of pages) await put(await wikiPageSearchEntries(tx, page));
    }
    return written;
  });
}

/** Every document of a collection, a batch at a time, in id order. */
async function* batches<T extends StoredDocument>(store: ReadModelStore, collection: string): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const batch: T[] = await store.find<T>(collection, {
      where: after === null ? {} : { id: { $gt: after } },
      orderBy: [['id', 'asc']],
      limit: BATCH,
    });
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1].id;
  }
}
