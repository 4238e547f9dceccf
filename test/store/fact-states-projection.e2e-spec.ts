import { join } from 'node:path';
import { stableId } from '@atlas/common';
import { AtlasEvent, Fact, FactType, NormalizedMessage } from '@atlas/events';
import { FactDoc, Projector } from '@atlas/read-models';
import { ReadModelStore, SqliteStore } from '@atlas/store';
import { fetchedAndExtracted } from '../support/extraction-events';
import { normalizedMessage } from '../support/normalized-message';
import { tempDir } from '../support/temp-dir';

const CHANNEL = 'C0STATES';
const ANA = { id: 'U0ANA', name: 'Ana Souza' };
const BEN = { id: 'U0BEN', name: 'Ben Okafor' };
const BEN_KEY = `person:${BEN.id}`;

function message(id: string, day: number, author: { id: string; name: string }, thread: string | null = null) {
  return normalizedMessage({
    id,
    channel_id: CHANNEL,
    author_id: author.id,
    author_name: author.name,
    text: `message ${id}`,
    thread_parent_id: thread,
    timestamp: new Date(Date.UTC(2025, 2, day, 9)).toISOString(),
  });
}

interface Said {
  type: FactType;
  text: string;
  subject?: string | null;
  owner?: string | null;
  reports_done?: boolean;
}

function fact(source: NormalizedMessage, said: Said): Fact {
  return {
    id: stableId('fact', CHANNEL, source.id, 'test', 0),
    channel_id: CHANNEL,
    message_id: source.id,
    extractor_version: 'test',
    index: 0,
    text: said.text,
    type: said.type,
    confidence: 0.8,
    entities: [{ key: `person:${source.author_id}`, name: source.author_name!, type: 'person', kind: null }],
    relations: [],
    topics: [],
    subject: said.subject ?? null,
    valid_at: source.timestamp,
    due_at: null,
    language: 'en',
    source: {
      message_id: source.id,
      author_id: source.author_id,
      author_name: source.author_name,
      timestamp: source.timestamp,
      thread_id: source.thread_parent_id,
      permalink: null,
      text: null,
    },
    owner: said.owner ?? null,
    reports_done: said.reports_done ?? false,
  };
}

/** One sync's batch: its messages fetched, then their facts. */
function batch(jobId: string, messages: NormalizedMessage[], facts: Fact[]): AtlasEvent[] {
  return fetchedAndExtracted({ jobId, channelId: CHANNEL, messages, facts });
}

// #engineering, March 11: Ana asks Ben for a postmortem in a thread, Ben says yes; on the 13th, in a
// later sync, Ben posts it as a new message. The thread also moves a decision.
const ask = message('1.0', 11, ANA);
const yes = message('1.1', 11, BEN, ask.id);
const decided = message('1.2', 11, ANA, ask.id);
const changed = message('1.3', 12, ANA, ask.id);
const posted = message('2.0', 13, BEN);
const task = `task:${ask.id}:${BEN_KEY}`;
const DECISION = `decision:${ask.id}:${decided.id}:0`;

const facts = {
  ask: fact(ask, {
    type: 'question',
    text: 'Can Ben write a short postmortem by Friday?',
    subject: task,
    owner: BEN_KEY,
  }),
  yes: fact(yes, {
    type: 'action_item',
    text: 'Ben Okafor agreed to write a short postmortem by Friday: Yes, draft by Thursday.',
    subject: task,
    owner: BEN_KEY,
  }),
  decided: fact(decided, {
    type: 'decision',
    text: "Let's go through the postmortem in Monday's standup.",
    subject: DECISION,
  }),
  changed: fact(changed, {
    type: 'decision',
    text: "Actually let's go through it in Tuesday's retro instead.",
    subject: DECISION,
  }),
  posted: fact(posted, {
    type: 'announcement',
    text: "Postmortem for Tuesday's latency incident: https://docs.example.io/postmortems/2025-03-11",
    owner: BEN_KEY,
    reports_done: true,
  }),
};

async function project(store: ReadModelStore, events: AtlasEvent[], from: number): Promise<number> {
  const projector = new Projector(store);
  for (const [index, event] of events.entries()) await projector.apply({ seq: from + index, subject: 'x', event });
  return from + events.length;
}

async function stateOf(store: ReadModelStore, id: string) {
  const [doc] = await store.getMany<FactDoc>('facts', [id]);
  return { state: doc.state ?? null, closed_by: doc.closed_by ?? null };
}

describe('fact states in the read model', () => {
  const dir = tempDir('fact-states-projection');
  let store: ReadModelStore;
  let seq = 1;

  beforeAll(() => {
    store = SqliteStore.open(join(dir.path, 'read-models.db'));
  });

  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('keeps an accepted request open while nothing reports it done', async () => {
    // Given the thread of the first sync
    seq = await project(
      store,
      batch('sync_1', [ask, yes, decided, changed], [facts.ask, facts.yes, facts.decided, facts.changed]),
      seq,
    );
    // Then the action item is open, the question has no state, and the changed decision is superseded
    expect(await stateOf(store, facts.yes.id)).toEqual({ state: 'open', closed_by: null });
    expect(await stateOf(store, facts.ask.id)).toEqual({ state: null, closed_by: null });
    expect(await stateOf(store, facts.decided.id)).toEqual({ state: 'superseded', closed_by: null });
    expect(await stateOf(store, facts.changed.id)).toEqual({ state: 'current', closed_by: null });
  });

  it('closes it when its owner posts the thing in a later sync, citing that post', async () => {
    // When the postmortem is posted as a new message, in a later sync
    seq = await project(store, batch('sync_2', [posted], [facts.posted]), seq);
    // Then the task is done, closed by the post
    expect(await stateOf(store, facts.yes.id)).toEqual({ state: 'done', closed_by: facts.posted.id });
  });

  it('reopens it when the post is deleted', async () => {
    // When the post is deleted
    seq = await project(store, batch('sync_3', [{ ...posted, text: '', deleted: true }], []), seq);
    // Then the task is open again
    expect(await stateOf(store, facts.yes.id)).toEqual({ state: 'open', closed_by: null });
  });
});
