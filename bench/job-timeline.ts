import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/** The events that end a stage of a job, in pipeline order. */
const STAGE_ENDS = ['FetchCompleted', 'ExtractionCompleted', 'GraphCompleted', 'SyncCompleted'] as const;
export type StageEnd = (typeof STAGE_ENDS)[number];

/**
 * When each stage of a job ended, in seconds after its SyncStarted, from the time JetStream stored the
 * events (headers only: the payloads of a 200k-message job are not needed for this).
 */
export async function jobTimeline(
  natsUrl: string,
  channelId: string,
  jobId: string,
): Promise<Record<StageEnd, number>> {
  const nc = await connect({ servers: natsUrl });
  try {
    const consumer = await jetstream(nc).consumers.get('ATLAS_EVENTS', {
      filter_subjects: `atlas.channel.${channelId}`,
      deliver_policy: DeliverPolicy.All,
      headers_only: true,
    });
    const pending = (await consumer.info(true)).num_pending;
    const at = new Map<string, number>();
    const messages = await consumer.consume({ max_messages: 512 });
    let read = 0;
    for await (const message of messages) {
      if (message.headers?.get('Atlas-Job-Id') === jobId) {
        const type = message.headers.get('Atlas-Event-Type');
        if (!at.has(type)) at.set(type, message.info.timestampNanos / 1e6);
      }
      if (++read >= pending) break;
    }
    const started = at.get('SyncStarted');
    if (started === undefined) throw new Error(`no SyncStarted for ${jobId}`);
    return Object.fromEntries(STAGE_ENDS.map((type) => [type, ((at.get(type) ?? NaN) - started) / 1000])) as Record<
      StageEnd,
      number
    >;
  } finally {
    await nc.close();
  }
}
