import { SlugAllocator, slugPart } from './page-slugs';

describe('slugPart', () => {
  it('keeps lowercase ASCII letters, digits and single dashes', () => {
    expect(slugPart('Billing migration')).toBe('billing-migration');
    expect(slugPart('  Café / Résumé: v2.3 ')).toBe('cafe-resume-v2-3');
    expect(slugPart('C++ and C#')).toBe('c-plus-plus-and-c-sharp');
    expect(slugPart('🚀')).toBe('');
  });
});

describe('SlugAllocator', () => {
  it('prefixes slugs and keeps them unique, deriving the suffix of a clash from the identity', () => {
    const slugs = new SlugAllocator(['overview']);
    expect(slugs.allocate('topic', 'Billing migration', 'billing migration')).toBe('topic-billing-migration');
    const clash = slugs.allocate('topic', 'Billing-migration', 'billing-migration');
    expect(clash).toMatch(/^topic-billing-migration-[0-9a-f]{6}$/);
    expect(new SlugAllocator().allocate('topic', 'Billing migration', 'billing migration')).toBe(
      'topic-billing-migration',
    );
    expect(
      new SlugAllocator(['topic-billing-migration']).allocate('topic', 'Billing-migration', 'billing-migration'),
    ).toBe(clash);
  });

  it('names an item whose name has no letters or digits by its identity', () => {
    expect(new SlugAllocator().allocate('entity', '🚀', 'ent_1')).toMatch(/^entity-[0-9a-f]{8}$/);
  });
});
