import type { NormalizedMessage } from '@atlas/events';
import { extractFacts } from '@atlas/knowledge';
import type { KnowledgeQueries, MessageDoc } from '@atlas/read-models';
import { ChannelExtractionContext } from './extraction-context';

const CHANNEL = 'C0CTX';
const ANA = { id: 'U0ANA', name: 'Ana Lima' };
const BEN = { id: 'U0BEN', name: 'Ben Okafor' };
const DANA = { id: 'U0DANA', name: 'Dana Reyes' };
/** Log sequence of the job's SyncStarted; its batches come after it. */
const STARTED_SEQ = 10;

function message(
  id: string,
  author: { id: string; name: string },
  text: string,
  fields: Partial<NormalizedMessage> = {},
): NormalizedMessage {
  return {
    id,
    channel_id: CHANNEL,
    author_id: author.id,
    author_name: author.name,
    text,
    timestamp: new Date(Date.UTC(2026, 2, 2, 9, Number(id.split('.')[0]))).toISOString(),
    thread_parent_id: null,
    reply_count: 0,
    edited: false,
    edited_at: null,
    deleted: false,
    attachments: [],
    permalink: null,
    mentions: [],
    subtype: null,
    is_bot: false,
    ...fields,
  };
}

/** The job's batches by the log sequence of their MessagesFetched. Dana only greets before she is named. */
const BATCHES = new Map<number, NormalizedMessage[]>([
  // A question whose replies the platform did not count (reply_count 0), as imports often have it.
  [
    11,
    [message('1.0', DANA, 'hi all!'), message('1.1', ANA, 'How do we rotate the Vault tokens for the Payments API?')],
  ],
  [12, [message('2.0', ANA, 'We decided to move the Billing Service to Postgres next sprint.')]],
  [
    13,
    [
      message('3.0', ANA, 'Dana will deploy the Billing Service on Friday.'),
      message('3.1', BEN, 'Use the vault-rotate script, Dana owns it.', { thread_parent_id: '1.1' }),
      message('3.2', BEN, 'Ask Ana about the Kafka consumers.', { thread_parent_id: '0.5' }),
      message('3.3', BEN, 'Postgres it is.', { thread_parent_id: '4.0' }),
    ],
  ],
]);

function stored(source: NormalizedMessage, firstSeq: number): MessageDoc {
  const { id, ...fields } = source;
  return { ...fields, id: `msg_${id}`, message_id: id, job_id: 'sync_x', first_seq: firstSeq, last_seq: firstSeq };
}

function contextOfJob(storedMessages: MessageDoc[] = []) {
  const batchesRead: number[] = [];
  const knowledge = {
    messages: async (_channel: string, ids: string[]) => storedMessages.filter((doc) => ids.includes(doc.message_id)),
  } as unknown as KnowledgeQueries;
  const context = new ChannelExtractionContext(CHANNEL, 'team', knowledge, [], STARTED_SEQ, async (seq) => {
    batchesRead.push(seq);
    return BATCHES.get(seq)!;
  });
  return { context, batchesRead };
}

describe("the extractor's context of a job", () => {
  it('is the same for a batch whether the job extracted the batches before it or a restart replayed them', async () => {
    const uninterrupted = contextOfJob().context;
    await uninterrupted.forBatch(BATCHES.get(11)!, 11);
    await uninterrupted.forBatch(BATCHES.get(12)!, 12);
    const expected = await uninterrupted.forBatch(BATCHES.get(13)!, 13);

    const restarted = contextOfJob().context;
    restarted.remember(BATCHES.get(11)!, 11);
    restarted.remember(BATCHES.get(12)!, 12);
    expect(await restarted.forBatch(BATCHES.get(13)!, 13)).toEqual(expected);
    // What a restart that only knew the graph (no person entity for Dana yet) would have extracted with.
    expect(await contextOfJob().context.forBatch(BATCHES.get(13)!, 13)).not.toEqual(expected);

    // Met only as the author of a greeting, Dana is still who "Dana" names two batches later.
    expect(expected.people.map((person) => person.id)).toEqual([DANA.id, ANA.id, BEN.id]);
    const named = extractFacts(BATCHES.get(13)!, expected).facts.find((fact) => fact.message_id === '3.0')!;
    expect(named.entities.map((entity) => entity.key)).toContain(`person:${DANA.id}`);
  });

  it('reads a thread parent the job met from its batch in the log, not from what the projector stored of the job', async () => {
    const edited = { ...BATCHES.get(11)![1], text: 'A later version the projector stored.' };
    const { context, batchesRead } = contextOfJob([stored(edited, 11)]);
    context.remember(BATCHES.get(11)!, 11);
    context.remember(BATCHES.get(12)!, 12);
    const { thread_parents } = await context.forBatch(BATCHES.get(13)!, 13);
    expect(thread_parents.get('1.1')).toEqual(BATCHES.get(11)![1]);
    expect(batchesRead).toEqual([11]);
  });

  it('reads a parent the job never met from the messages stored before the job started, never from ones it stored', async () => {
    const history = message('0.5', ANA, 'Who owns the Kafka consumers?', { reply_count: 1 });
    // A message of a later batch of this job that the projector already stored: whether it is there depends on
    // the projector's lag, so it is never read.
    const ofThisJob = message('4.0', ANA, 'Should we pick Postgres?');
    const { context } = contextOfJob([stored(history, 3), stored(ofThisJob, 14)]);
    const { thread_parents } = await context.forBatch(BATCHES.get(13)!, 13);
    expect([...thread_parents.keys()].sort()).toEqual(['0.5']);
    expect(thread_parents.get('0.5')).toEqual(history);
  });
});
