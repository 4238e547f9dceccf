import type {
  ChannelsQueries,
  EntityDoc,
  FactDoc,
  KnowledgeQueries,
  MessageDoc,
  RelationDoc,
} from '@atlas/read-models';
import { loadChannelKnowledge } from './channel-knowledge';

const source = (messageId: string, threadId: string | null) => ({
  message_id: messageId,
  author_id: 'U1',
  author_name: 'Ana',
  timestamp: '2025-03-03T10:00:00.000Z',
  thread_id: threadId,
  permalink: null,
  text: null,
});

function factDoc(id: string, fields: Partial<FactDoc>): FactDoc {
  return {
    id,
    last_seq: 1,
    job_id: 'sync_1',
    channel_id: 'C1',
    message_id: 'm1',
    extractor_version: 'rules-2',
    index: 0,
    text: 'A fact.',
    type: 'observation',
    confidence: 0.8,
    entities: [],
    relations: [],
    topics: [],
    subject: null,
    valid_at: '2025-03-03T10:00:00.000Z',
    due_at: null,
    language: 'en',
    source: source('m1', null),
    entity_ids: [],
    supersedes: null,
    superseded_by: null,
    sort_key: '',
    ...fields,
  };
}

function messageDoc(messageId: string): MessageDoc {
  return {
    id: `msg_${messageId}`,
    message_id: messageId,
    channel_id: 'C1',
    author_id: 'U1',
    author_name: 'Ana',
    text: `text of ${messageId}`,
    timestamp: '2025-03-03T10:00:00.000Z',
    thread_parent_id: null,
    reply_count: 0,
    edited: false,
    permalink: null,
    attachments: [],
    mentions: [],
    subtype: null,
    is_bot: false,
  } as unknown as MessageDoc;
}

describe('loadChannelKnowledge', () => {
  const facts = [
    factDoc('f1', {
      message_id: 'm2',
      type: 'answer',
      source: source('m2', 'm0'),
      entity_ids: ['e1'],
      superseded_by: 'f2',
    }),
    // Projected before supersession and entity kinds existed.
    {
      ...factDoc('f2', { message_id: 'm3', entity_ids: ['e1'] }),
      supersedes: undefined,
      superseded_by: undefined,
    } as unknown as FactDoc,
  ];
  const requestedMessages: string[][] = [];
  const knowledge = {
    async *factsOfChannel() {
      yield* facts;
    },
    async messages(_channel: string, ids: string[]) {
      requestedMessages.push(ids);
      return ids.map(messageDoc);
    },
    async entities(ids: string[]) {
      return ids.map(
        (id) =>
          ({
            id,
            key: 'technology:postgres',
            name: 'Postgres',
            type: 'technology',
            aliases: [],
          }) as unknown as EntityDoc,
      );
    },
    async relationsOfChannel() {
      return [
        {
          id: 'r1',
          type: 'uses',
          source_id: 'e1',
          target_id: 'e2',
          fact_ids: ['f1'],
          weight: 1,
          channel_ids: ['C1'],
        } as unknown as RelationDoc,
      ];
    },
  } as unknown as KnowledgeQueries;
  const channels = { get: async () => ({ name: 'eng', topic: 'Infra' }) } as unknown as ChannelsQueries;

  it('maps fact documents to wiki facts, with supersession and graph ids, defaulting what old documents lack', async () => {
    const input = await loadChannelKnowledge('C1', channels, knowledge);
    expect(input.channel).toEqual({ channel_id: 'C1', name: 'eng', topic: 'Infra' });
    expect(input.facts.map((f) => [f.id, f.entity_ids, f.supersedes, f.superseded_by])).toEqual([
      ['f1', ['e1'], null, 'f2'],
      ['f2', ['e1'], null, null],
    ]);
    expect(input.facts[0]).not.toHaveProperty('job_id');
    expect(input.entities).toEqual([
      {
        id: 'e1',
        key: 'technology:postgres',
        name: 'Postgres',
        type: 'technology',
        kind: null,
        aliases: [],
        keys: ['technology:postgres'],
      },
    ]);
    expect(input.relations).toEqual([
      { id: 'r1', type: 'uses', source_id: 'e1', target_id: 'e2', fact_ids: ['f1'], weight: 1 },
    ]);
  });

  it("loads the facts' messages and the opening messages of the threads answers were given in", async () => {
    const input = await loadChannelKnowledge('C1', channels, knowledge);
    expect(requestedMessages.at(-1)?.sort()).toEqual(['m0', 'm2', 'm3']);
    expect(input.messages.get('m0')?.text).toBe('text of m0');
  });
});
