import { ValidationError } from '@atlas/common';
import { factEntry, messageEntry, SearchQueries } from '@atlas/read-models';
import type { EntityDoc, FactDoc, MessageDoc } from '@atlas/read-models';
import { SqliteStore } from '@atlas/store';
import { filterKeys, SearchService } from './search.service';

/** SearchService over a real (in-memory) SQLite store, seeded with the documents the projector would write. */
function message(id: string, channel: string, text: string, minute: number): MessageDoc {
  return {
    id: `msg-${channel}-${id}`,
    message_id: id,
    channel_id: channel,
    author_id: 'U1',
    author_name: 'Ana Souza',
    text,
    timestamp: new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString(),
    deleted: false,
    permalink: null,
    last_seq: 1,
  } as unknown as MessageDoc;
}

function fact(id: string, source: MessageDoc, links: Partial<FactDoc> = {}): FactDoc {
  return {
    id,
    channel_id: source.channel_id,
    message_id: source.message_id,
    text: source.text,
    type: 'decision',
    valid_at: source.timestamp,
    entity_ids: [],
    superseded_by: null,
    state: null,
    source: {
      message_id: source.message_id,
      author_id: source.author_id,
      author_name: source.author_name,
      timestamp: source.timestamp,
      permalink: null,
    },
    last_seq: 1,
    ...links,
  } as unknown as FactDoc;
}

describe('SearchService', () => {
  let store: SqliteStore;
  let service: SearchService;
  const m1 = message('m1', 'C1', 'The Atlas launch is on March 20', 1);
  const m2 = message('m2', 'C1', 'The Atlas launch moves to March 27', 2);
  const m3 = message('m3', 'C2', 'Lunch after the launch review', 3);
  const m4 = message('m4', 'C_GONE', 'launch of a removed channel', 4);

  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    const facts = [
      fact('f1', m1, { superseded_by: 'f2', entity_ids: ['ent-atlas'] }),
      fact('f2', m2, { entity_ids: ['ent-atlas'] }),
    ];
    await store.putMany('channels', [
      { id: 'C1', channel_id: 'C1', name: 'general', last_seq: 1 },
      { id: 'C2', channel_id: 'C2', name: 'random', last_seq: 1 },
    ]);
    await store.put('entities', {
      id: 'ent-atlas',
      type: 'project',
      name: 'Atlas',
      aliases: [],
    } as unknown as EntityDoc);
    await store.putMany('facts', facts);
    await store.putMany('search_entries', [...facts.map(factEntry), ...[m1, m2, m3, m4].map((m) => messageEntry(m)!)]);
    service = new SearchService(new SearchQueries(store));
  });
  afterEach(() => store.close());

  const ids = (result: { hits: Array<{ kind: string; id: string }> }) => result.hits.map((h) => `${h.kind}:${h.id}`);

  it('ranks facts about a named entity first, the superseding one before the superseded, and leaves out removed channels', async () => {
    const result = await service.search({ q: 'when is the atlas launch', limit: 10 });
    expect(ids(result).slice(0, 2)).toEqual(['fact:f2', 'fact:f1']);
    expect(ids(result)).not.toContain('message:m4');
    expect(ids(result)).toEqual(expect.arrayContaining(['message:m1', 'message:m2', 'message:m3']));
    expect(result.hits[0]).toMatchObject({ entity_match: true, channel_name: 'general', superseded_by: null });
    expect(result.hits[1]).toMatchObject({ superseded_by: 'f2', citation: { message_id: 'm1' } });
  });

  it('pages through the same ranking with next_cursor', async () => {
    const all = ids(await service.search({ q: 'launch', limit: 10 }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.search({ q: 'launch', limit: 2, cursor });
      seen.push(...ids(page));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('filters by channel, kind and fact type', async () => {
    expect(ids(await service.search({ q: 'launch', channelIds: ['C2'], limit: 10 }))).toEqual(['message:m3']);
    expect(ids(await service.search({ q: 'launch', kinds: ['fact'], limit: 10 }))).toEqual(['fact:f2', 'fact:f1']);
    expect(await service.search({ q: 'launch', factTypes: ['question'], limit: 10 })).toEqual({
      hits: [],
      next_cursor: null,
    });
  });

  it('refuses what the REST route would refuse, for callers that bypass it', async () => {
    await expect(service.search({ q: 'launch', limit: 0 })).rejects.toThrow(ValidationError);
    await expect(service.search({ q: 'launch', limit: 10, from: 'yesterday' })).rejects.toThrow(ValidationError);
    await expect(service.search({ q: 'launch', limit: 10, cursor: 'nope' })).rejects.toThrow(ValidationError);
    expect(() => filterKeys(['message'], ['decision'])).toThrow(ValidationError);
  });

  it('maps kinds and fact types to the index filter', () => {
    expect(filterKeys(undefined, undefined)).toBeUndefined();
    expect(filterKeys(undefined, ['decision'])).toEqual(['fact:decision']);
    expect(filterKeys(['message', 'wiki_section'], undefined)).toEqual(['message', 'wiki_section']);
    expect(filterKeys(['fact', 'message'], ['question'])).toEqual(['fact:question', 'message']);
  });
});
