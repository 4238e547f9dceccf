import { prepareMessageText } from './message-text';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('splits prose into sentences with whitespace collapsed', () => {
    expect(splitSentences('We decided to go with Postgres.  The Redis cache stays!   Any objections?')).toEqual([
      'We decided to go with Postgres.',
      'The Redis cache stays!',
      'Any objections?',
    ]);
  });

  it('does not end a sentence inside a URL query string', () => {
    expect(splitSentences('Dashboard: https://grafana.acme.io/d/x?orgId=1&from=now-6h. Looks healthy.')).toEqual([
      'Dashboard: https://grafana.acme.io/d/x?orgId=1&from=now-6h.',
      'Looks healthy.',
    ]);
  });

  it('starts a new sentence at a mention after a full stop, though a lowercase word follows it', () => {
    expect(
      splitSentences('All config changes go through review. @dkim can you write it up? Mail ana@acme.io.'),
    ).toEqual(['All config changes go through review.', '@dkim can you write it up?', 'Mail ana@acme.io.']);
  });

  it('keeps a title abbreviation with the name that follows it', () => {
    expect(splitSentences('Dr. Smith from Stripe joins on Monday. Ms. Jones too.')).toEqual([
      'Dr. Smith from Stripe joins on Monday.',
      'Ms. Jones too.',
    ]);
  });

  it('does not split inside inline code', () => {
    expect(splitSentences('Run `make deploy. env=prod` to ship it. Then check the logs.')).toEqual([
      'Run `make deploy. env=prod` to ship it.',
      'Then check the logs.',
    ]);
  });

  it('ends a sentence at a line break', () => {
    expect(splitSentences('Update:\nbilling is on Postgres now')).toEqual(['Update:', 'billing is on Postgres now']);
  });

  it('reads a line with no sentence end as one sentence, whitespace collapsed', () => {
    expect(splitSentences('  we  use\tpostgres  now ')).toEqual(['we use postgres now']);
  });

  it('ends a sentence at any terminal ICU knows, and at a paragraph separator', () => {
    expect(splitSentences('Deploy is done。 Next is billing')).toEqual(['Deploy is done。', 'Next is billing']);
    expect(splitSentences('first line\u2029second line')).toEqual(['first line', 'second line']);
  });
});

describe('prepareMessageText', () => {
  it('drops quoted lines, code blocks and list markers', () => {
    const text = '> old quote from Bruno\nPlan:\n- migrate billing\n2. drop MongoDB\n```\nSELECT 1;\n```\ndone today';
    expect(
      prepareMessageText(text)
        .split('\n')
        .filter((line) => line !== ''),
    ).toEqual(['Plan:', 'migrate billing', 'drop MongoDB', 'done today']);
  });
});
