import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { EVENT_CATALOGUE, EVENT_TYPES } from '.';

/** docs/EVENTS.md is the public description of these contracts: it must not drift from them. */
describe('docs/EVENTS.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'EVENTS.md'), 'utf8');
  const sectionOf = (type: string) => {
    const start = doc.indexOf(`### ${type}\n`);
    if (start < 0) return null;
    const next = doc.indexOf('\n### ', start + 1);
    return doc.slice(start, next < 0 ? undefined : next);
  };

  it.each(EVENT_TYPES)('documents %s with every field of its payload', (type) => {
    const section = sectionOf(type);
    expect(section).not.toBeNull();
    const DataClass = EVENT_CATALOGUE[type].data as new () => object;
    const fields = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(DataClass, '', true, false)
        .map((meta) => meta.propertyName),
    );
    expect(fields.size).toBeGreaterThan(0);
    for (const field of fields) expect(`${type}: ${section}`).toContain(`\`${field}\``);
  });

  it('lists the idempotency key of every event type', () => {
    const table = doc.slice(doc.indexOf('## Idempotency keys'));
    for (const type of EVENT_TYPES) expect(table).toContain(type);
  });
});
