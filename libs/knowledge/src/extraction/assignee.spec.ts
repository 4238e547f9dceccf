import type { LocatedEntity } from './entities';
import { ownerOf } from './assignee';

const ANA = 'person:U0ANA';
const BEN = 'person:U0BEN';
const DEV = 'person:U0DEV';

/** The person entities of a text, located where their names are written. */
function people(text: string, named: Record<string, string>): LocatedEntity[] {
  return Object.entries(named).map(([name, key]) => {
    const start = text.indexOf(name);
    return { key, name, type: 'person', kind: null, start, end: start + name.length };
  });
}

describe('ownerOf', () => {
  it('gives a request to the person it addresses', () => {
    const text = '@Ben Okafor please put the steps in the runbook by Wednesday.';
    expect(ownerOf(text, 'action_item', people(text, { '@Ben Okafor': BEN }), ANA, null)).toBe(BEN);
  });

  it('gives a commitment to its author', () => {
    expect(ownerOf("Not yet, I'll add a weekday picker in v2.", 'action_item', [], DEV, ANA)).toBe(DEV);
    expect(ownerOf('Done by noon.', 'action_item', [], BEN, DEV)).toBe(BEN);
  });

  it('never gives a request to everyone to the author who asked', () => {
    expect(ownerOf('Please stay on mute', 'action_item', [], ANA, null)).toBeNull();
    expect(ownerOf('Please comment by Thursday.', 'action_item', [], ANA, null)).toBeNull();
  });

  it('leaves a request addressed to several people at once without a single owner', () => {
    const text = '@Ana Souza @Ben Okafor @Dev Patel please add estimates to the Scheduled Reports tickets by Monday';
    const named = people(text, { '@Ana Souza': ANA, '@Ben Okafor': BEN, '@Dev Patel': DEV });
    expect(ownerOf(text, 'action_item', named, 'person:U0CHLOE', null)).toBeNull();
  });

  it('gives a request asked as a question to the person asked, and other questions to no one', () => {
    const text = '@Ben Okafor can you write a short postmortem by Friday?';
    expect(ownerOf(text, 'question', people(text, { '@Ben Okafor': BEN }), ANA, null)).toBe(BEN);
    expect(ownerOf("What's the rollback plan?", 'question', [], ANA, BEN)).toBeNull();
  });

  it('gives an observation no owner', () => {
    expect(ownerOf('Staging is slow today.', 'observation', [], DEV, null)).toBeNull();
  });
});
