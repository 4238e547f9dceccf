import { authorIdOf, nameOnlyAuthorId } from './author-id';

describe('author ids of imports that name authors without ids', () => {
  it('are stable for one name in one connection, and differ across connections and names', () => {
    const john = nameOnlyAuthorId('conn_a', 'John');
    expect(nameOnlyAuthorId('conn_a', ' John ')).toBe(john);
    expect(nameOnlyAuthorId('conn_b', 'John')).not.toBe(john);
    expect(nameOnlyAuthorId('conn_a', 'Joan')).not.toBe(john);
    expect(john).not.toContain('John');
  });

  it('keep an id the file gives, and give none without a name', () => {
    expect(authorIdOf('conn_a', 'U42', 'John')).toBe('U42');
    expect(authorIdOf('conn_a', null, 'John')).toBe(nameOnlyAuthorId('conn_a', 'John'));
    expect(authorIdOf('conn_a', null, null)).toBeNull();
  });
});
