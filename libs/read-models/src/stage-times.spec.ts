import { nextStageTimes, StageTimes } from './stage-times';

describe('nextStageTimes', () => {
  const after = (events: Array<[Parameters<typeof nextStageTimes>[1], string]>): StageTimes =>
    events.reduce((times, [type, at]) => nextStageTimes(times, type, at), {} as StageTimes);

  it('gives each stage its first input and its completion, overlapping as the stages do', () => {
    expect(
      after([
        ['SyncStarted', 't0'],
        ['MessagesFetched', 't1'],
        ['FactsExtracted', 't2'],
        ['MessagesFetched', 't3'],
        ['FetchCompleted', 't4'],
        ['ExtractionCompleted', 't5'],
        ['GraphCompleted', 't6'],
        ['WikiGenerated', 't7'],
      ]),
    ).toEqual({
      fetching_messages: { started_at: 't0', completed_at: 't4' },
      extracting_facts: { started_at: 't1', completed_at: 't5' },
      building_graph: { started_at: 't2', completed_at: 't6' },
      generating_wiki: { started_at: 't6', completed_at: 't7' },
    });
  });

  it('lets a stage with nothing to do end at once, and keeps the first end of a repeated completion', () => {
    const times = after([
      ['SyncStarted', 't0'],
      ['FetchCompleted', 't1'],
      ['ExtractionCompleted', 't2'],
      ['ExtractionCompleted', 't3'],
    ]);
    expect(times.extracting_facts).toEqual({ started_at: 't2', completed_at: 't2' });
  });

  it('ignores events that begin or end nothing', () => {
    const times = after([['SyncStarted', 't0']]);
    expect(nextStageTimes(times, 'SyncStageRetrying', 't1')).toBe(times);
  });
});
