import { stableId } from '@atlas/common';
import type { AtlasEvent } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import type { WikiPageDoc, WikiPageVersionDoc } from '../documents';
import { applyOnce } from './projection';

export const wikiPageDocId = (channelId: string, slug: string) => stableId('wiki', channelId, slug);
export const wikiPageVersionDocId = (channelId: string, slug: string, version: number) =>
  stableId('wiki-version', channelId, slug, String(version));

/** A page whose content changed becomes its next version; every version is kept beside the current page. */
export async function projectWikiPage(
  tx: ReadModelStore,
  event: AtlasEvent<'WikiPageGenerated'>,
  seq: number,
): Promise<void> {
  const { page, job_id } = event.data;
  const at = event.metadata.occurred_at;
  let written: WikiPageDoc | null = null;
  await applyOnce<WikiPageDoc>(tx, 'wiki_pages', wikiPageDocId(page.channel_id, page.slug), seq, (current) => {
    const unchanged = current?.content_hash === page.content_hash;
    const next = {
      ...page,
      version: unchanged ? current.version : (current?.version ?? 0) + 1,
      job_id,
      updated_at: unchanged ? current.updated_at : at,
    };
    if (!unchanged) written = { ...next, id: '', last_seq: seq };
    return next;
  });
  const version = written as WikiPageDoc | null;
  if (version === null) return;
  await applyOnce<WikiPageVersionDoc>(
    tx,
    'wiki_page_versions',
    wikiPageVersionDocId(page.channel_id, page.slug, version.version),
    seq,
    () => ({
      channel_id: page.channel_id,
      slug: page.slug,
      version: version.version,
      title: page.title,
      markdown: page.markdown,
      citations: page.citations,
      content_hash: page.content_hash,
      job_id,
      created_at: at,
    }),
  );
}

/** A page an earlier run wrote that the wiki no longer has leaves the index; its versions stay listed. */
export async function projectWikiIndex(
  tx: ReadModelStore,
  event: AtlasEvent<'WikiGenerated'>,
  seq: number,
): Promise<void> {
  const { channel_id, pages } = event.data;
  const current = new Set(pages.map((page) => page.slug));
  const existing = await tx.find<WikiPageDoc>('wiki_pages', { where: { channel_id } });
  for (const page of existing) {
    if (!current.has(page.slug) && page.last_seq < seq) await tx.delete('wiki_pages', page.id);
  }
}
