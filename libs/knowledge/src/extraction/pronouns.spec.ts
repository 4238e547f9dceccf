import { resolveFirstPerson, thirdPerson } from './pronouns';

describe('resolveFirstPerson', () => {
  it.each([
    ["I'll ship it Friday", 'Ana Lima will ship it Friday'],
    ["I'm on call this week", 'Ana Lima is on call this week'],
    ["I've merged the fix", 'Ana Lima has merged the fix'],
    ["I'd keep Redis", 'Ana Lima would keep Redis'],
    ['my PR is up, ping me', "Ana Lima's PR is up, ping Ana Lima"],
    ['I need a review', 'Ana Lima needs a review'],
    ['I also think so', 'Ana Lima also thinks so'],
    ["I don't think so", "Ana Lima doesn't think so"],
    ['I took the ticket', 'Ana Lima took the ticket'],
    ['I can take it', 'Ana Lima can take it'],
    ['Should I take it?', 'Should Ana Lima take it?'],
    ['Am I late?', 'Is Ana Lima late?'],
    ['i fixed it myself', 'Ana Lima fixed it Ana Lima'],
  ])('%j by Ana Lima reads %j', (text, resolved) => {
    expect(resolveFirstPerson(text, 'Ana Lima')).toBe(resolved);
  });

  it('leaves URLs, other words containing "i" or "me", and texts without an author alone', () => {
    expect(resolveFirstPerson('see https://acme.io/i/me/my', 'Ana Lima')).toBe('see https://acme.io/i/me/my');
    expect(resolveFirstPerson('the meeting is in Miami, i.e. remote', 'Ana Lima')).toBe(
      'the meeting is in Miami, i.e. remote',
    );
    expect(resolveFirstPerson("I'll do it", null)).toBe("I'll do it");
  });

  it('puts a name containing "me" or "I" in once, not replaced again', () => {
    expect(resolveFirstPerson('I will ask me', 'Ines Mendes')).toBe('Ines Mendes will ask Ines Mendes');
  });
});

describe('thirdPerson', () => {
  it.each([
    ['need', 'needs'],
    ['fix', 'fixes'],
    ['push', 'pushes'],
    ['try', 'tries'],
    ['have', 'has'],
    ['do', 'does'],
    ['play', 'plays'],
  ])('%s → %s', (verb, conjugated) => {
    expect(thirdPerson(verb)).toBe(conjugated);
  });
});
