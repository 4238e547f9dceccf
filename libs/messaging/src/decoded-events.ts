import { AtlasEvent, decodeEvent } from '@atlas/events';

const CAPACITY = 512;
const decoded = new Map<number, AtlasEvent>();

/**
 * Decodes (and validates) the stored event at `seq` once per process. In the all-in-one mode the
 * projector and a stage read the same batches; a stream sequence names one immutable message, so the
 * validated event can be shared. Callers must not mutate it.
 */
export function decodeStoredEvent(seq: number, payload: Uint8Array): AtlasEvent {
  const hit = decoded.get(seq);
  if (hit) return hit;
  const event = decodeEvent(payload);
  decoded.set(seq, event);
  if (decoded.size > CAPACITY) decoded.delete(decoded.keys().next().value!);
  return event;
}
