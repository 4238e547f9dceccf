import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VersionDiff } from './VersionDiff';

const BEFORE = '# Billing\n\nBilling moves to Postgres [1].\nOwner: Ana.\n';
const AFTER = '# Billing\n\nBilling moves to Postgres [1].\nOwner: Bo [2].\nLaunch is on Friday [3].\n';

describe('VersionDiff', () => {
  afterEach(cleanup);

  it('marks added and removed lines, with a count a screen reader hears first', () => {
    const { container } = render(<VersionDiff before={BEFORE} after={AFTER} mode="lines" />);
    const added = [...container.querySelectorAll('ins')].map((line) => line.textContent);
    const removed = [...container.querySelectorAll('del')].map((line) => line.textContent);
    expect(added).toEqual(['+Added: Owner: Bo [2].\n', '+Added: Launch is on Friday [3].\n']);
    expect(removed).toEqual(['−Removed: Owner: Ana.\n']);
    expect(container.textContent).toContain('2 lines added, 1 removed');
    // Unchanged lines are shown too, neither inserted nor deleted.
    expect(container.textContent).toContain('Billing moves to Postgres [1].');
  });

  it('marks only the changed words in word mode', () => {
    const { container } = render(<VersionDiff before="Owner: Ana." after="Owner: Bo." mode="words" />);
    expect([...container.querySelectorAll('del')].map((part) => part.textContent)).toEqual(['[removed: Ana]']);
    expect([...container.querySelectorAll('ins')].map((part) => part.textContent)).toEqual(['[added: Bo]']);
  });

  it('says so when the two versions are the same', () => {
    const { container } = render(<VersionDiff before={BEFORE} after={BEFORE} mode="lines" />);
    expect(container.textContent).toBe('The two versions are the same.');
    expect(container.querySelector('ins, del')).toBeNull();
  });
});
