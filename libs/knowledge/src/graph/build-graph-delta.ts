import type { Fact } from '@atlas/events';
import type { GraphDelta } from '../contracts';
import { ChannelGraphBuilder } from './channel-graph-builder';

/** The graph a set of facts makes on its own, as for a channel with no graph yet. */
export function buildGraphDelta(facts: Fact[], context: { channel_id: string }): GraphDelta {
  return new ChannelGraphBuilder(context.channel_id, []).build(facts);
}
