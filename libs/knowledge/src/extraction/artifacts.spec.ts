import { findArtifacts } from './artifacts';

const artifactsOf = (text: string) => findArtifacts(text).map(({ kind, id, name }) => ({ kind, id, name }));

describe('findArtifacts', () => {
  it('tells repositories, pull requests and issues of GitHub and GitLab apart', () => {
    expect(
      artifactsOf(
        'https://github.com/Acme/Billing and https://github.com/acme/billing/pull/42 and https://gitlab.com/acme/api/-/issues/7',
      ),
    ).toEqual([
      { kind: 'repo', id: 'github.com/acme/billing', name: 'github.com/Acme/Billing' },
      { kind: 'ticket', id: 'github.com/acme/billing/pull/42', name: 'github.com/acme/billing/pull/42' },
      { kind: 'ticket', id: 'gitlab.com/acme/api/-/issues/7', name: 'gitlab.com/acme/api/-/issues/7' },
    ]);
  });

  it('keys tracker tickets by their key, in text or in a tracker URL', () => {
    expect(artifactsOf('OPS-142 blocks https://acme.atlassian.net/browse/OPS-142, not UTF-8 or GPT-4')).toEqual([
      { kind: 'ticket', id: 'ops-142', name: 'OPS-142' },
      { kind: 'ticket', id: 'ops-142', name: 'OPS-142' },
    ]);
  });

  it('recognizes documents by host or path, and keeps other URLs as links', () => {
    expect(
      artifactsOf(
        'https://docs.google.com/document/d/abc/edit https://acme.io/specs/api.pdf https://docs.acme.io/rfc/0042-gateway https://grafana.acme.io/d/billing RFC 12',
      ).map((artifact) => artifact.kind),
    ).toEqual(['document', 'document', 'document', 'link', 'document']);
  });

  it('reads "#127" as a pull request number unless it counts something', () => {
    expect(artifactsOf('merged in #127 after dry run #2')).toEqual([{ kind: 'ticket', id: '#127', name: '#127' }]);
  });

  it('makes a repository only of a URL, never of a slash pair in prose (real IRC lines)', () => {
    expect(artifactsOf('kizza, are you under kde/gnome?')).toEqual([]);
    expect(artifactsOf('enable the Hoary/universe component in sources.list')).toEqual([]);
    expect(artifactsOf('module is in acme/infra (modules/atlas)')).toEqual([]);
    expect(artifactsOf('see https://github.com/acme/infra')).toEqual([
      { kind: 'repo', id: 'github.com/acme/infra', name: 'github.com/acme/infra' },
    ]);
  });
});
