import { NotFoundError } from '@atlas/common';
import {
  ChannelsQueries,
  factEntry,
  KnowledgeReadQueries,
  messageDocId,
  messageEntry,
  SearchQueries,
} from '@atlas/read-models';
import type { FactDoc, MessageDoc } from '@atlas/read-models';
import { SqliteStore } from '@atlas/store';
import { FactViewsService } from '../knowledge/fact-views.service';
import { SearchService } from '../search/search.service';
import { AskService } from './ask.service';

/** AskService over a real (in-memory) SQLite store, seeded with the documents the projector would write. */
function message(id: string, author: string, text: string, minute: number): MessageDoc {
  return {
    id: messageDocId('C1', id),
    message_id: id,
    channel_id: 'C1',
    author_id: `U-${author}`,
    author_name: author,
    text,
    timestamp: new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString(),
    thread_parent_id: null,
    mentions: [],
    deleted: false,
    permalink: `https://chat.example/C1/${id}`,
    last_seq: 1,
  } as unknown as MessageDoc;
}

function fact(id: string, source: MessageDoc, fields: Partial<FactDoc> = {}): FactDoc {
  return {
    id,
    channel_id: 'C1',
    message_id: source.message_id,
    text: source.text,
    type: 'decision',
    confidence: 0.9,
    entities: [{ key: 'project:atlas', name: 'Atlas', type: 'project', kind: null }],
    relations: [],
    topics: [],
    language: 'en',
    valid_at: source.timestamp,
    entity_ids: [],
    supersedes: null,
    superseded_by: null,
    state: null,
    source: {
      message_id: source.message_id,
      author_id: source.author_id,
      author_name: source.author_name,
      timestamp: source.timestamp,
      thread_id: null,
      permalink: source.permalink,
      text: source.text,
    },
    last_seq: 1,
    ...fields,
  } as unknown as FactDoc;
}

describe('AskService', () => {
  let store: SqliteStore;
  let ask: AskService;
  const m1 = message('m1', 'ana', 'The Atlas launch is on March 20', 1);
  const m2 = message('m2', 'ana', 'The Atlas launch moves to March 27', 2);
  const m3 = message('m3', 'carla', 'Which dashboard shows the Atlas launch metrics?', 3);
  const m4 = message('m4', 'lunch-bot', 'Lunch is served', 4);
  const m5 = message('m5', 'bruno', 'carla: the Grafana board called Launch', 5);
  const m6 = message('m6', 'dev', 'run ./atlas-launch-check.sh first', 6);

  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    const facts = [
      fact('f1', m1, { superseded_by: 'f2' }),
      fact('f2', m2, { supersedes: 'f1' }),
      fact('f3', m3, { type: 'question', entities: [] }),
    ];
    await store.put('channels', { id: 'C1', channel_id: 'C1', name: 'general', last_seq: 1 });
    await store.putMany('messages', [m1, m2, m3, m4, m5, m6]);
    await store.putMany('facts', facts);
    await store.putMany('search_entries', [...facts.map(factEntry), ...[m1, m2, m3, m6].map((m) => messageEntry(m)!)]);
    const search = new SearchQueries(store);
    const knowledge = new KnowledgeReadQueries(store);
    ask = new AskService(
      new ChannelsQueries(store),
      new SearchService(search),
      search,
      new FactViewsService(knowledge),
      knowledge,
      { llm: null, outboundUrls: { allowHttp: false, allowPrivate: false } } as never,
    );
  });
  afterEach(() => store.close());

  it('answers with the current facts only, numbered by rank, with the replies to a question', async () => {
    const answer = await ask.ask({ question: 'When is the Atlas launch?' });
    expect(answer).toMatchObject({ answered: true, note: null, channel_ids: ['C1'], prose: null });
    const facts = answer.groups.flatMap((group) => group.facts).sort((a, b) => a.n - b.n);
    expect(facts.map((f) => f.id)).not.toContain('f1');
    expect(facts.map((f) => f.id).sort()).toEqual(['f2', 'f3']);
    const question = facts.find((f) => f.id === 'f3')!;
    expect(question.replies).toEqual([
      {
        channel_id: 'C1',
        message_id: 'm5',
        author_name: 'bruno',
        timestamp: m5.timestamp,
        permalink: 'https://chat.example/C1/m5',
        text: 'carla: the Grafana board called Launch',
      },
    ]);
    const decision = facts.find((f) => f.id === 'f2')!;
    expect(decision.citation).toEqual({
      channel_id: 'C1',
      message_id: 'm2',
      author_name: 'ana',
      timestamp: m2.timestamp,
      permalink: 'https://chat.example/C1/m2',
    });
    expect(answer.groups.find((group) => group.entity?.name === 'Atlas')?.facts.map((f) => f.id)).toEqual(['f2']);
  });

  it('adds the matching messages no fact was extracted from, and never the message of a superseded fact', async () => {
    const answer = await ask.ask({ question: 'When is the Atlas launch?' });
    expect(answer.messages.map((m) => [m.message_id, m.text])).toEqual([['m6', 'run ./atlas-launch-check.sh first']]);
    expect(answer.messages[0]).toMatchObject({
      author_name: 'dev',
      permalink: 'https://chat.example/C1/m6',
      replies: [],
    });
  });

  it('finds no answer when nothing holds the question words', async () => {
    const answer = await ask.ask({ question: 'Who won the football game yesterday?', channel_ids: ['C1'] });
    expect(answer).toMatchObject({ answered: false, groups: [], messages: [], wiki_sections: [], prose: null });
    expect(answer.note).toMatch(/^No answer found/);
  });

  it('refuses a channel that does not exist', async () => {
    await expect(ask.ask({ question: 'atlas launch', channel_ids: ['C1', 'C9'] })).rejects.toThrow(NotFoundError);
  });
});
