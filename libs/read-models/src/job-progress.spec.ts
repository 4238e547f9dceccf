import type { JobCounters, JobDoc } from './documents';
import { currentStage, doneFraction, estimatedCompletion, percentage, totalMessages } from './job-progress';
import { NEW_JOB_COUNTERS } from './projections/jobs.projection';

const counters = (over: Partial<JobCounters> = {}): JobCounters => ({ ...NEW_JOB_COUNTERS, ...over });
const job = (over: Partial<JobDoc>) =>
  ({
    status: 'running',
    started_at: '2026-04-13T10:00:00Z',
    estimated_messages: 1000,
    done_fraction: 0,
    counters: counters(),
    ...over,
  }) as JobDoc;

describe('job progress', () => {
  it('names the first stage that has not completed', () => {
    expect(currentStage(counters())).toBe('fetching_messages');
    expect(currentStage(counters({ fetch_completed: true }))).toBe('extracting_facts');
    expect(currentStage(counters({ fetch_completed: true, extraction_completed: true }))).toBe('building_graph');
    expect(currentStage(counters({ fetch_completed: true, extraction_completed: true, graph_completed: true }))).toBe(
      'generating_wiki',
    );
  });

  it('counts messages from the estimate until fetching tells the truth', () => {
    expect(totalMessages(job({ counters: counters({ messages_fetched: 200 }) }))).toBe(1000);
    expect(totalMessages(job({ counters: counters({ messages_fetched: 1400 }) }))).toBe(1400);
    expect(totalMessages(job({ counters: counters({ messages_fetched: 600, fetch_completed: true }) }))).toBe(600);
  });

  it('never goes backwards, even when the total turns out larger than estimated', () => {
    const early = job({ counters: counters({ messages_fetched: 900, messages_extracted: 900 }) });
    const before = doneFraction(early);
    const later = job({
      done_fraction: before,
      counters: counters({ messages_fetched: 1500, messages_extracted: 950 }),
    });
    expect(doneFraction(later)).toBeGreaterThanOrEqual(before);
  });

  it('reports an integer percentage that reaches 100 only on completion', () => {
    expect(percentage(job({ done_fraction: 0.999 }))).toBe(99);
    expect(percentage(job({ done_fraction: 0.456 }))).toBe(45);
    expect(percentage(job({ status: 'completed', done_fraction: 1 }))).toBe(100);
  });

  it('estimates completion from the observed rate, and only when there is one', () => {
    const now = new Date('2026-04-13T10:01:00Z');
    expect(estimatedCompletion(job({ done_fraction: 0.5 }), now)).toBe('2026-04-13T10:02:00Z');
    expect(estimatedCompletion(job({ done_fraction: 0.005 }), now)).toBeNull();
    expect(estimatedCompletion(job({ done_fraction: 0.5, status: 'queued', started_at: null }), now)).toBeNull();
    expect(estimatedCompletion(job({ done_fraction: 0.5, started_at: '2026-04-13T10:00:59.500Z' }), now)).toBeNull();
  });
});
