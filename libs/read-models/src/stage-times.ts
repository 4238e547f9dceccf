import type { EventType, StageName } from '@atlas/events';

/** When a stage of a job had its first input to work on, and when it reported itself complete. */
export interface StageTime {
  started_at: string;
  completed_at: string | null;
}

export type StageTimes = Partial<Record<StageName, StageTime>>;

/**
 * Stages overlap: extraction starts on the first fetched batch, the graph on the first extracted one; the
 * wiki is written once the graph is complete.
 */
const BEGINS: Partial<Record<EventType, StageName>> = {
  SyncStarted: 'fetching_messages',
  MessagesFetched: 'extracting_facts',
  FactsExtracted: 'building_graph',
  GraphCompleted: 'generating_wiki',
};

const ENDS: Partial<Record<EventType, StageName>> = {
  FetchCompleted: 'fetching_messages',
  ExtractionCompleted: 'extracting_facts',
  GraphCompleted: 'building_graph',
  WikiGenerated: 'generating_wiki',
};

/** The stage times after an event of the job at `at`; the first beginning and the first end count. */
export function nextStageTimes(times: StageTimes, type: EventType, at: string): StageTimes {
  const begun = BEGINS[type];
  const ended = ENDS[type];
  if (!begun && !ended) return times;
  const next = { ...times };
  if (ended) {
    // A stage with nothing to do (no message fetched) ends without having begun: it took no time.
    const time = next[ended] ?? { started_at: at, completed_at: null };
    next[ended] = { ...time, completed_at: time.completed_at ?? at };
  }
  if (begun && !next[begun]) next[begun] = { started_at: at, completed_at: null };
  return next;
}
