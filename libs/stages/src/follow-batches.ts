import { AtlasEvent, createEvent, EventDataOf } from '@atlas/events';
import { EventStore, JetStreamEventContext } from '@atlas/messaging';
import { JobWriter } from '@atlas/sync';
import { followJob, payloadOf, publishedSoFar } from './job-stream';

type BatchInput = 'MessagesFetched' | 'FactsExtracted';
type BatchOutput = 'FactsExtracted' | 'GraphUpdated';

/** A stage that turns each batch of the previous stage into one batch of its own. */
export interface BatchStage<I extends BatchInput, O extends BatchOutput, Tally> {
  producer: string;
  input: I;
  /** The previous stage's completion event; it says how many batches there are. */
  inputCompleted: 'FetchCompleted' | 'ExtractionCompleted';
  output: O;
  /** This stage's completion event. */
  completed: 'ExtractionCompleted' | 'GraphCompleted';
  process(input: EventDataOf<I>): Promise<EventDataOf<O>> | EventDataOf<O>;
  emptyTally: Tally;
  tally(sum: Tally, output: EventDataOf<O>): Tally;
  completion(sum: Tally, batches: number): AtlasEvent;
}

/**
 * Follows the job from its SyncStarted, processing each input batch as soon as it is in the log
 * (so the stage runs alongside the one before it), and publishes the completion event once the
 * previous stage completed and every one of its batches has an output. A redelivered trigger first
 * reads back what was already published and skips those batches.
 */
export async function followBatches<I extends BatchInput, O extends BatchOutput, T>(
  stage: BatchStage<I, O, T>,
  events: EventStore,
  writer: JobWriter,
  started: EventDataOf<'SyncStarted'>,
  context: JetStreamEventContext,
): Promise<void> {
  const done = new Set<number>();
  let tally = stage.emptyTally;
  if (context.deliveryCount > 1) {
    for (const message of await publishedSoFar(events, started, context.seq + 1, [stage.output, stage.completed])) {
      if (message.type === stage.completed) return;
      const output = await payloadOf(events, message, stage.output);
      if (done.has(output.batch)) continue;
      done.add(output.batch);
      tally = stage.tally(tally, output);
    }
  }
  let expected: number | null = null;
  for await (const message of followJob(events, started, context.seq + 1, context.signal)) {
    if (message.type === stage.input && message.batch !== undefined && !done.has(message.batch)) {
      const output = await stage.process(await payloadOf(events, message, stage.input));
      await writer.append(createEvent(stage.output, output, { producer: stage.producer }) as AtlasEvent);
      done.add(output.batch);
      tally = stage.tally(tally, output);
    } else if (message.type === stage.inputCompleted) {
      expected = (await payloadOf(events, message, stage.inputCompleted)).batches;
    }
    if (expected !== null && done.size >= expected) {
      await writer.append(stage.completion(tally, expected));
      return;
    }
  }
}
