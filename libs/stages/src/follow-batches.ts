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
  /** Turns the input batch at log sequence `seq` into the stage's output batch. */
  process(input: EventDataOf<I>, seq: number): Promise<EventDataOf<O>> | EventDataOf<O>;
  /**
   * Takes in an input batch an earlier attempt already processed (its output is in the log), so that what
   * the stage carries from batch to batch is, at the next batch, what it was when that attempt got there.
   */
  replay?(input: EventDataOf<I>, seq: number): Promise<void> | void;
  emptyTally: Tally;
  tally(sum: Tally, output: EventDataOf<O>): Tally;
  completion(sum: Tally, batches: number): AtlasEvent;
}

/**
 * Follows the job from its SyncStarted, processing each input batch as soon as it is in the log
 * (so the stage runs alongside the one before it), and publishes the completion event once the
 * previous stage completed and every one of its batches has an output. A redelivered trigger first
 * reads back what was already published and skips those batches, replaying them (in the same log order)
 * instead of processing them: the outputs never depend on where an earlier attempt stopped.
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
  // The first input event of each batch number is the one processed, by whichever attempt got to it.
  const met = new Set<number>();
  for await (const message of followJob(events, started, context.seq + 1, context.signal)) {
    if (message.type === stage.input && message.batch !== undefined && !met.has(message.batch)) {
      met.add(message.batch);
      if (done.has(message.batch)) {
        await stage.replay?.(await payloadOf(events, message, stage.input), message.seq);
      } else {
        const output = await stage.process(await payloadOf(events, message, stage.input), message.seq);
        await writer.append(createEvent(stage.output, output, { producer: stage.producer }) as AtlasEvent);
        done.add(output.batch);
        tally = stage.tally(tally, output);
      }
    } else if (message.type === stage.inputCompleted) {
      expected = (await payloadOf(events, message, stage.inputCompleted)).batches;
    }
    if (expected !== null && done.size >= expected) {
      await writer.append(stage.completion(tally, expected));
      return;
    }
  }
}
