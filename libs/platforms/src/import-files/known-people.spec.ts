import { KnownPeople } from './known-people';

describe('KnownPeople', () => {
  const people = new KnownPeople();
  people.add('u-ben', 'Ben');
  people.add('u-benok', 'Ben Okafor');
  people.add('u-chen', 'Chen');
  people.add(null, 'Dee');

  it('takes `@Name` of someone who wrote in the channel for a mention, the longest name first', () => {
    expect(people.mentionsIn('Can @Ben Okafor and @Chen look? cc @Dee')).toEqual([
      { id: 'u-benok', name: 'Ben Okafor' },
      { id: 'u-chen', name: 'Chen' },
      { id: 'Dee', name: 'Dee' },
    ]);
  });

  it('lists each person once and ignores other @ and names running into words', () => {
    expect(people.mentionsIn('@Ben, @Ben again, @Bentley, mail ben@example.com, @nobody')).toEqual([
      { id: 'u-ben', name: 'Ben' },
    ]);
    expect(people.mentionsIn('no mentions here')).toEqual([]);
  });
});
