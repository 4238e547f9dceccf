import { actionItemsOfList } from './action-item-lists';

describe('actionItemsOfList', () => {
  it('splits a list of owned items into one task each, "me" being the author', () => {
    expect(
      actionItemsOfList(
        'Action items: alert on pool saturation (me), per-account export concurrency limit of 1 (me), load test exports before release (@Dev).',
        'Ben',
      ),
    ).toEqual([
      'Ben has an action item: alert on pool saturation.',
      'Ben has an action item: per-account export concurrency limit of 1.',
      '@Dev has an action item: load test exports before release.',
    ]);
  });

  it('keeps commas inside an owner bracket and accepts semicolons', () => {
    expect(actionItemsOfList('Next steps: rotate the keys (@Ana Souza); update the runbook (Dev)', null)).toEqual([
      '@Ana Souza has an action item: rotate the keys.',
      'Dev has an action item: update the runbook.',
    ]);
  });

  it('leaves a list alone when an item names no owner', () => {
    const unit = 'Action items: alert on pool saturation (Ben), load test exports before release.';
    expect(actionItemsOfList(unit, 'Ben')).toEqual([unit]);
  });

  it('needs the author for an item of "me"', () => {
    const unit = 'Action items: rotate the keys (me), update the runbook (Dev)';
    expect(actionItemsOfList(unit, null)).toEqual([unit]);
  });

  it('leaves any other unit alone', () => {
    expect(actionItemsOfList('Root cause: export jobs on the API nodes (mostly).', 'Ben')).toEqual([
      'Root cause: export jobs on the API nodes (mostly).',
    ]);
  });
});
