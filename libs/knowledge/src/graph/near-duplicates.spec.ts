import { nameForm, nameNumbers } from './name-forms';
import { NEAR_DUPLICATE_THRESHOLD, nameProfile, nearDuplicateScore, wordStem } from './near-duplicates';

const score = (a: string, b: string) => nearDuplicateScore(nameProfile(a), nameProfile(b));

describe('name forms', () => {
  it.each([
    ['Billing migration', 'billingmigration'],
    ['the billing-migration', 'billingmigration'],
    ["Billing Migration's", 'billingmigration'],
    ['@atlas_sync', 'atlassync'],
    ['The', 'the'],
    ['C++', 'cplusplus'],
    ['C#', 'csharp'],
    ['v1.2', 'v1.2'],
    ['v12', 'v12'],
    ['Ｐｏｓｔｇｒｅｓ １５', 'postgres15'],
  ])('%j has the form %j', (name, form) => {
    expect(nameForm(name)).toBe(form);
  });

  it('reads the numbers of a name', () => {
    expect(['Atlas v2', 'OPS-12', 'Python 3.12', 'Atlas'].map(nameNumbers)).toEqual([['2'], ['12'], ['3', '12'], []]);
  });

  it.each([
    ['migrations', 'migration'],
    ['retries', 'retry'],
    ['indexes', 'index'],
    ['classes', 'class'],
    ['status', 'status'],
    ['redis', 'redis'],
    ['access', 'access'],
    ['ops', 'ops'],
    ['v2s', 'v2s'],
  ])('stems %j as %j', (word, stem) => {
    expect(wordStem(word)).toBe(stem);
  });
});

describe('nearDuplicateScore', () => {
  it('is 1 for names that differ only in plurals and possessives', () => {
    expect(score('billing migrations', "billing migration's")).toBe(1);
  });

  it('scores a typo by the 3-gram Jaccard of the names, the higher of as written and singular', () => {
    // kubernete/kubernet share 6 of 7 trigrams; postgres/postgress as written share 6 of 7.
    expect(score('Kubernetes', 'Kubernets')).toBeCloseTo(6 / 7);
    expect(score('Postgres', 'Postgress')).toBeCloseTo(6 / 7);
  });

  it('turns away a typo whose Jaccard is under the threshold', () => {
    const [a, b] = [nameProfile('observability'), nameProfile('observabilty')];
    expect(a.stems.length).toBe(1);
    expect(nearDuplicateScore(a, b)).toBe(0);
    expect(NEAR_DUPLICATE_THRESHOLD).toBeGreaterThan(8 / 13); // their Jaccard: 8 shared of 13 trigrams
  });

  it.each([
    ['too short', 'Atlas', 'Atlass'],
    ['generic', 'deployments', 'deployment'],
    ['numbers', 'billing migration 2', 'billing migrations 3'],
    ['a number against none', 'Atlas Sync', 'Atlas Sync 2'],
    ['numbers inside a word', 'python312', 'python313'],
    ['a word more', 'kafka consumer', 'kafka consumer lag'],
    ['a short differing word', 'kafka lags', 'kafka legs'],
    ['another first letter', 'ubernetes', 'kubernetes'],
    ['two edits', 'grafana', 'graphana'],
  ])('is 0 when %s: %j, %j', (_, a, b) => {
    expect(score(a, b)).toBe(0);
  });

  it('is symmetric', () => {
    const pairs = [
      ['Kubernetes', 'Kubernets'],
      ['invoice export', 'invoices export'],
      ['auth service', 'oauth service'],
    ];
    for (const [a, b] of pairs) expect(score(a, b)).toBe(score(b, a));
  });
});
