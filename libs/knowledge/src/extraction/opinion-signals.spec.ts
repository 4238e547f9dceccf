import { tagWords } from './nlp';
import { gradesSomething, reportsBelief } from './opinion-signals';

describe('reportsBelief', () => {
  it.each([
    'I reckon the retry loop gives up too early.',
    'We suspect the cache key includes the locale.',
    "I don't believe the vendor will hit that date.",
    'I kind of prefer the flat folder layout.',
    'Honestly I guess a cron job would do.',
    "I'm worried the index rebuild locks the table.",
    'We are skeptical about the new pricing tiers.',
  ])('hears a stance in "%s"', (text) => {
    expect(reportsBelief(tagWords(text))).toBe(true);
  });

  it.each([
    'I restarted the ingest worker at noon.',
    'The team thinks in quarters, not sprints.',
    'We shipped the export button yesterday.',
    'They prefer the old dashboard.',
  ])('hears none in "%s"', (text) => {
    expect(reportsBelief(tagWords(text))).toBe(false);
  });
});

describe('gradesSomething', () => {
  it.each([
    'The onboarding flow is too long for mobile.',
    'A queue per tenant is simpler to reason about.',
    'It would be cleaner to keep the adapters in one package.',
    'The new sidebar feels cramped.',
    'That timeline looks a bit optimistic.',
    'Redis is way faster than the disk cache here.',
    'Splitting the repo seems like a safer bet.',
  ])('hears a judgement in "%s"', (text) => {
    expect(gradesSomething(tagWords(text))).toBe(true);
  });

  it.each([
    'The staging cluster is ready.',
    'The export job was slower yesterday.',
    'That was the other option.',
    'The deploy looks like it failed.',
    'Billing is live in three regions.',
  ])('hears none in "%s"', (text) => {
    expect(gradesSomething(tagWords(text))).toBe(false);
  });
});
