import { stableHash } from '@atlas/common';

const MAX_SLUG_PART = 60;

/** "Billing migration" → "billing-migration": lowercase ASCII letters, digits and dashes. */
export function slugPart(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_PART)
    .replace(/-+$/, '');
  return slug;
}

/**
 * Gives each item a slug `<prefix>-<name>`, unique among the ones allocated so far. A name whose slug
 * is taken (or empty) gets a suffix derived from its identity, so an item keeps its slug however
 * many others come and go.
 */
export class SlugAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const slug of reserved) this.taken.add(slug);
  }

  allocate(prefix: string, name: string, identity: string): string {
    const part = slugPart(name);
    let slug = part === '' ? `${prefix}-${stableHash(identity).slice(0, 8)}` : `${prefix}-${part}`;
    if (this.taken.has(slug)) slug = `${slug}-${stableHash(identity).slice(0, 6)}`;
    for (let i = 2; this.taken.has(slug); i++) slug = `${slug}-${i}`;
    this.taken.add(slug);
    return slug;
  }
}
