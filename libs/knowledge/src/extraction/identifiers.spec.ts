import { findIdentifiers } from './identifiers';

const namesIn = (text: string): string[] => findIdentifiers(text).map((match) => match.name);

describe('findIdentifiers', () => {
  it.each([
    ['Bumped @acme/form-kit to fix the focus ring.', ['@acme/form-kit']],
    ['Shipped ledger-sync 1.4.0 to the registry this morning.', ['ledger-sync']],
    ['The invoice-worker keeps restarting under load.', ['invoice-worker']],
    ['Point the mobile build at routes-api and search_svc instead.', ['routes-api', 'search_svc']],
    ['auth_client v2.1 drops the legacy token flow.', ['auth_client']],
  ])('finds the software named in %j', (text, names) => {
    expect(namesIn(text)).toEqual(names);
  });

  it.each([
    'Who is on-call for the follow-up this week?',
    'The month-end close moved to a blue-green rollout.',
    'Ping me@acme.io or see docs/payments-api for details.',
    'Version 2.0 is out; the re-run passed.',
  ])('finds none in the chat compounds and paths of %j', (text) => {
    expect(namesIn(text)).toEqual([]);
  });

  it('gives the offsets of what it finds', () => {
    const text = 'We pinned the pdf-renderer 0.9.2 build.';
    const [match] = findIdentifiers(text);
    expect(text.slice(match.start, match.end)).toBe('pdf-renderer');
  });
});
