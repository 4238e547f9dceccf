import { matchesOf, rangesOf } from './text-ranges';

describe('matchesOf', () => {
  const same = (text: string, pattern: RegExp) => {
    const expected = [...text.matchAll(pattern)];
    const found = matchesOf(text, pattern);
    expect(found.map((match) => [match.index, ...match])).toEqual(expected.map((match) => [match.index, ...match]));
  };

  it('finds what matchAll finds, groups and offsets included', () => {
    same('apt-get install vlc mplayer; sudo modprobe b43', /\b(?:install|modprobe)\s+(\S+)/g);
    same('no match here', /\d+/g);
    same('Ünïcode wörds and 🎉 emoji', /[\p{L}]+/gu);
  });

  it('steps over empty matches as matchAll does, surrogate pairs whole in unicode mode', () => {
    same('a🎉b', /(?:)/g);
    same('a🎉b', /(?:)/gu);
    same('x, y,, z', /[^,]*/g);
  });

  it('starts at the pattern’s lastIndex and leaves it as it was', () => {
    const pattern = /o/g;
    pattern.lastIndex = 5;
    same('foo boo', pattern);
    expect(pattern.lastIndex).toBe(5);
  });

  it('needs a global pattern, as matchAll does', () => {
    expect(() => matchesOf('text', /t/)).toThrow(TypeError);
  });

  it('gives the ranges of the matches', () => {
    expect(rangesOf('@ana and @ben', /@\w+/g)).toEqual([
      { start: 0, end: 4 },
      { start: 9, end: 13 },
    ]);
  });
});
