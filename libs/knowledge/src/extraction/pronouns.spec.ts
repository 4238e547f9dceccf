import { resolveFirstPerson, resolvePronouns, thirdPerson } from './pronouns';

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
    ['How do I install it?', 'How does Ana Lima install it?'],
    ["Why don't I see it?", "Why doesn't Ana Lima see it?"],
    ['What have I missed?', 'What has Ana Lima missed?'],
    ['Can I take it?', 'Can Ana Lima take it?'],
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

describe('resolvePronouns: "you" is the addressee, verbs agreeing', () => {
  it.each([
    ['you need a review', 'epod needs a review'],
    ["you'd need to file a bug", 'epod would need to file a bug'],
    ['you are on call', 'epod is on call'],
    ["you're on call", 'epod is on call'],
    ["you aren't on call", "epod isn't on call"],
    ['you were right', 'epod was right'],
    ['you have the logs', 'epod has the logs'],
    ["you've got mail", 'epod has got mail'],
    ["you'll get it", 'epod will get it'],
    ["you don't need it", "epod doesn't need it"],
    ['you also want the headers', 'epod also wants the headers'],
    ['you already are on #ubuntu', 'epod already is on #ubuntu'],
    ['and you?', 'and epod?'],
    ['you fixed it yourself', 'epod fixed it epod'],
    ['your disk is full', "epod's disk is full"],
    ['is it yours?', "is it epod's?"],
    ['do you use grub?', 'does epod use grub?'],
    ['Do you use grub?', 'Does epod use grub?'],
    ["don't you use grub?", "doesn't epod use grub?"],
    ['are you sure?', 'is epod sure?'],
    ['have you tried it?', 'has epod tried it?'],
    ['can you try it?', 'can epod try it?'],
    ['did you reboot?', 'did epod reboot?'],
    ["I'll let you know", 'bob2 will let epod know'],
    ['I think you need a patch', 'bob2 thinks epod needs a patch'],
    ['the package you want is xorg', 'the package epod wants is xorg'],
  ])('%j by bob2 to epod reads %j', (text, resolved) => {
    expect(resolvePronouns(text, { author: 'bob2', addressee: 'epod' })).toBe(resolved);
  });

  // Lines of the Ubuntu IRC dev set (eval/real/ubuntu-irc, CC BY 4.0), after their leading address.
  it.each([
    // "epod: hrm, I think you'd need to file a bug, it'd require source changes" by bob2
    ["hrm, I think you'd need to file a bug", 'bob2', 'epod', 'hrm, bob2 thinks epod would need to file a bug'],
    // "lino: you need a / there"
    ['you need a / there', 'epod', 'lino', 'lino needs a / there'],
    // "MrGoodkat_, yes, you can wipe your ram" by Incarus, and the reply "Incarus, how do I do it?"
    ['yes, you can wipe your ram', 'Incarus', 'MrGoodkat_', "yes, MrGoodkat_ can wipe MrGoodkat_'s ram"],
    ['how do I do it?', 'MrGoodkat_', 'Incarus', 'how does MrGoodkat_ do it?'],
    // "eper3z, are you accessing the windows machine by name or by ip?"
    [
      'are you accessing the windows machine by name or by ip?',
      'Seveas',
      'eper3z',
      'is eper3z accessing the windows machine by name or by ip?',
    ],
    // "patrick_, and if you click on the Options tab. what is the input source?"
    ['and if you click on the Options tab.', 'jordo23', 'patrick_', 'and if patrick_ clicks on the Options tab.'],
    // "ikonia: I'm afraid you have to link that again... I reconnected" by sahip
    ["I'm afraid you have to link that again", 'sahip', 'ikonia', 'sahip is afraid ikonia has to link that again'],
  ])('%j by %s to %s reads %j', (text, author, addressee, resolved) => {
    expect(resolvePronouns(text, { author, addressee })).toBe(resolved);
  });

  it('leaves "you" as written where agreement is not certain, and without an addressee', () => {
    expect(resolvePronouns('you guys need to reboot', { author: 'bob2', addressee: 'epod' })).toBe(
      'you guys need to reboot',
    );
    expect(resolvePronouns('it is faster than you think', { author: 'bob2', addressee: 'epod' })).toBe(
      'it is faster than you think',
    );
    // "fooman2011: yup, but if you "halt" the OS - then it's shutdown" (2011-05-29)
    expect(resolvePronouns('yup, but if you "halt" the OS', { author: 'ikonia', addressee: 'fooman2011' })).toBe(
      'yup, but if you "halt" the OS',
    );
    expect(resolvePronouns('I think you need a patch', { author: 'bob2', addressee: null })).toBe(
      'bob2 thinks you need a patch',
    );
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
    ['are', 'is'],
    ['were', 'was'],
  ])('%s → %s', (verb, conjugated) => {
    expect(thirdPerson(verb)).toBe(conjugated);
  });
  it('leaves the pronouns of a quotation to whoever is quoted', () => {
    expect(
      resolvePronouns("I'll add a 'we'll email you when it's ready' state", { author: 'Dev', addressee: 'Ben' }),
    ).toBe("Dev will add a 'we'll email you when it's ready' state");
  });
});
