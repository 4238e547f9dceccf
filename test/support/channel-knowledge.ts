import { isDeepStrictEqual } from 'node:util';
import type { ReadModelStore } from '@atlas/store';

interface Identified {
  id: string;
}

/**
 * What a sync made of a channel, independent of how the job ran: its facts with the entities and
 * relations extraction gave them and the graph entities they resolved to, the graph's entities and
 * relations (with their evidence), the wiki pages, and what the job counted.
 */
export async function channelKnowledge(store: ReadModelStore, channelId: string) {
  const byId: [string, 'asc'][] = [['id', 'asc']];
  const facts = await store.find<any>('facts', { where: { channel_id: channelId }, orderBy: byId });
  const entities = await store.find<any>('entities', {
    where: { channel_ids: { $contains: channelId } },
    orderBy: byId,
  });
  const relations = await store.find<any>('relations', {
    where: { channel_ids: { $contains: channelId } },
    orderBy: byId,
  });
  const pages = await store.find<any>('wiki_pages', { where: { channel_id: channelId }, orderBy: [['slug', 'asc']] });
  const [job] = await store.find<any>('jobs', {
    where: { channel_id: channelId },
    orderBy: [['requested_seq', 'desc']],
    limit: 1,
  });
  return {
    facts: facts.map((f) => ({
      id: f.id,
      message_id: f.message_id,
      index: f.index,
      type: f.type,
      text: f.text,
      entities: f.entities.map((e: { key: string; name: string; type: string }) => [e.key, e.name, e.type]),
      relations: f.relations,
      entity_ids: f.entity_ids,
      supersedes: f.supersedes,
      superseded_by: f.superseded_by,
    })),
    entities: entities.map((e) => ({
      id: e.id,
      key: e.key,
      name: e.name,
      type: e.type,
      kind: e.kind,
      aliases: e.aliases,
      keys: e.keys,
    })),
    relations: relations.map((r) => ({
      id: r.id,
      type: r.type,
      source_id: r.source_id,
      target_id: r.target_id,
      fact_ids: r.fact_ids,
      weight: r.weight,
    })),
    wiki: pages.map((p) => ({
      id: p.slug,
      title: p.title,
      version: p.version,
      markdown: p.markdown,
      citations: p.citations,
    })),
    /** The counters of the channel's latest job: facts extracted, entities and relations created, pages changed... */
    job: job ? [{ id: 'latest job', status: job.status, counters: job.counters }] : [],
  };
}

export type ChannelKnowledge = Awaited<ReturnType<typeof channelKnowledge>>;

/**
 * How `actual` differs from `expected`, one line per kind of document (counts and a few ids), so a failing
 * comparison of thousands of documents says what differs instead of printing them all. Empty when equal.
 */
export function knowledgeDifferences(expected: ChannelKnowledge, actual: ChannelKnowledge): string[] {
  return (Object.keys(expected) as Array<keyof ChannelKnowledge>).flatMap((kind) => {
    const want = new Map<string, Identified>(expected[kind].map((doc: Identified) => [doc.id, doc]));
    const got = new Map<string, Identified>(actual[kind].map((doc: Identified) => [doc.id, doc]));
    const missing = [...want.keys()].filter((id) => !got.has(id));
    const extra = [...got.keys()].filter((id) => !want.has(id));
    const changed = [...want.keys()].filter((id) => got.has(id) && !isDeepStrictEqual(want.get(id), got.get(id)));
    if (missing.length + extra.length + changed.length === 0) return [];
    const example = changed[0]
      ? `; e.g. ${JSON.stringify(want.get(changed[0])).slice(0, 1500)} became ${JSON.stringify(got.get(changed[0])).slice(0, 1500)}`
      : '';
    return [
      `${kind}: ${missing.length} missing [${missing.slice(0, 3)}], ${extra.length} extra [${extra.slice(0, 3)}], ` +
        `${changed.length} changed of ${want.size}${example}`,
    ];
  });
}
