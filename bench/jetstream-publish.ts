import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/** Publishes awaited at once: enough to keep the server busy, as a batching producer would. */
const IN_FLIGHT = 256;

/**
 * The raw JetStream publish rate of the same payloads on the same server: one publish per message to a
 * stream of its own, file storage, acknowledged. The ceiling no sync of these messages can pass.
 */
export async function jetstreamPublishRate(natsUrl: string, payloads: readonly string[]): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'BENCH_RAW', subjects: ['bench.raw.>'] });
    const js = jetstream(nc);
    const started = performance.now();
    for (let start = 0; start < payloads.length; start += IN_FLIGHT) {
      await Promise.all(
        payloads
          .slice(start, start + IN_FLIGHT)
          .map((payload, i) => js.publish(`bench.raw.${(start + i) % 64}`, payload)),
      );
    }
    const rate = payloads.length / ((performance.now() - started) / 1000);
    await jsm.streams.delete('BENCH_RAW');
    return rate;
  } finally {
    await nc.close();
  }
}
