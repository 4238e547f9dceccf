import { AtlasEvent, decodeEvent } from '@atlas/events';

const CAPACITY = 64;

/**
 * Decodes (and validates) each stored event of one stream once. In the all-in-one mode the projector and
 * a stage read the same batches; a sequence of one stream names one immutable message, so the validated
 * event can be shared. Callers must not mutate it. One cache per stream connection: sequences of two
 * streams (two NATS servers) are unrelated.
 */
export class DecodedEvents {
  private readonly decoded = new Map<number, AtlasEvent>();

  decode(seq: number, payload: Uint8Array): AtlasEvent {
    const hit = this.decoded.get(seq);
    if (hit) return hit;
    const event = decodeEvent(payload);
    this.decoded.set(seq, event);
    if (this.decoded.size > CAPACITY) this.decoded.delete(this.decoded.keys().next().value!);
    return event;
  }
}
