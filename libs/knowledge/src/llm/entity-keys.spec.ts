import { artifactId, artifactKey, entityKey } from './entity-keys';

describe('entity keys of the LLM path', () => {
  it('keys a named entity by its type and normalized name', () => {
    expect(entityKey('technology', '  PostgreSQL ')).toBe('technology:postgresql');
    expect(entityKey('team', '#Platform   Team')).toBe('team:platform team');
    expect(entityKey('topic', ' @ ')).toBeNull();
  });

  it('keys a URL artifact by host and path, without scheme, www, fragment, trailing slash or tracking', () => {
    expect(artifactId('https://www.GitHub.com/acme/Atlas/?utm_source=slack#readme')).toBe('github.com/acme/Atlas');
    expect(artifactId('grafana.acme.io/d/billing/')).toBe('grafana.acme.io/d/billing');
    expect(artifactId('https://docs.acme.io/search?q=billing&fbclid=x')).toBe('docs.acme.io/search?q=billing');
    expect(artifactKey('repo', 'github.com/acme/atlas')).toBe('artifact:repo:github.com/acme/atlas');
  });

  it('keys any other artifact by its normalized identifier', () => {
    expect(artifactKey('ticket', 'OPS-142')).toBe('artifact:ticket:ops-142');
    expect(artifactKey('document', 'Billing Migration Plan.pdf')).toBe('artifact:document:billing migration plan.pdf');
    expect(artifactKey('ticket', '   ')).toBeNull();
  });
});
