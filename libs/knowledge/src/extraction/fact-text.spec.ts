import { cleanFactText } from './fact-text';

describe('cleanFactText', () => {
  it('drops broadcast mentions entirely, keeping the rest of the sentence', () => {
    expect(cleanFactText('@here routes-api p95 latency is at 4s since 10:20, looking into it.')).toBe(
      'routes-api p95 latency is at 4s since 10:20, looking into it.',
    );
    expect(cleanFactText('Heads up @channel: the deploy freeze starts tonight.')).toBe(
      'Heads up: the deploy freeze starts tonight.',
    );
    expect(cleanFactText('<!everyone> @all, standup moves to 10:00.')).toBe('standup moves to 10:00.');
  });

  it('keeps the names of people mentioned, only without the @', () => {
    expect(cleanFactText('@Ben can you ask @heredia about it?')).toBe('Ben can you ask heredia about it?');
  });

  it('lists several people mentioned one after another, with a comma when they are addressed', () => {
    expect(cleanFactText('@Ana @Ben @Dev please add estimates by Monday')).toBe(
      'Ana, Ben and Dev, please add estimates by Monday',
    );
    expect(cleanFactText('thanks @Ana @Ben for the review')).toBe('thanks Ana and Ben for the review');
  });
});
