import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, relationsLabeled, validateChannel } from './dataset';

const FIXTURE = join(__dirname, 'fixtures', 'ubuntu-irc-mini');
const devFile = () => JSON.parse(readFileSync(join(FIXTURE, 'ubuntu-2005-06-27-a.json'), 'utf8'));

describe('eval dataset files', () => {
  it('loads day samples of one real channel: several held-out files may share the channel id', () => {
    const { channels, errors } = loadDataset(FIXTURE);
    expect(errors).toEqual([]);
    expect(channels.map((c) => [c.channel.id, c.split])).toEqual([
      ['C0IRC0000', 'dev'],
      ['C0IRC0000', 'held_out'],
    ]);
  });

  it('relations_labeled: absent means labelled; false must come with empty relations', () => {
    expect(relationsLabeled({})).toBe(true);
    expect(relationsLabeled({ relations_labeled: true })).toBe(true);
    expect(relationsLabeled({ relations_labeled: false })).toBe(false);

    expect(validateChannel(devFile())).toEqual([]);
    const withRelation = devFile();
    withRelation.messages[0].expected.relations = [{ source: 'Sabin', type: 'asked', target: 'KDE' }];
    expect(validateChannel(withRelation)).toEqual([
      'messages[0]: relations given in a file with relations_labeled false',
    ]);
    expect(validateChannel({ ...withRelation, relations_labeled: true })).toEqual([]);
    expect(validateChannel({ ...devFile(), relations_labeled: 'no' })).toEqual([
      'relations_labeled must be true or false when present',
    ]);
  });
});
