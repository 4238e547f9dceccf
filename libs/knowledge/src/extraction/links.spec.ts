import { findUrls, normalizeLink } from './links';

describe('findUrls', () => {
  it('leaves sentence punctuation out of the URL but keeps balanced parentheses', () => {
    const text =
      'See https://acme.io/docs/setup. Also (https://en.wikipedia.org/wiki/Raft_(algorithm)) and www.acme.io!';
    expect(findUrls(text).map((match) => match.url)).toEqual([
      'https://acme.io/docs/setup',
      'https://en.wikipedia.org/wiki/Raft_(algorithm)',
      'www.acme.io',
    ]);
  });
});

describe('normalizeLink', () => {
  it('drops scheme, www, fragment, trailing slash and tracking parameters, and lowercases the host', () => {
    expect(
      normalizeLink('https://WWW.GitHub.com/acme/Billing/pull/42/?utm_source=slack&utm_medium=chat#discussion'),
    ).toEqual({
      key: 'link:github.com/acme/Billing/pull/42',
      name: 'github.com/acme/Billing/pull/42',
    });
  });

  it('gives one key to the spellings of one link', () => {
    const spellings = [
      'http://docs.acme.io/runbook/',
      'https://docs.acme.io/runbook',
      'www.docs.acme.io/runbook?fbclid=abc',
    ];
    expect(new Set(spellings.map((url) => normalizeLink(url)?.key))).toEqual(new Set(['link:docs.acme.io/runbook']));
  });

  it('keeps meaningful query parameters', () => {
    expect(normalizeLink('https://grafana.acme.io/d/x?orgId=1&utm_campaign=q3')?.key).toBe(
      'link:grafana.acme.io/d/x?orgId=1',
    );
  });

  it('refuses what is not a URL', () => {
    expect(normalizeLink('https://exa mple')).toBeNull();
  });
});
