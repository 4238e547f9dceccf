import { databaseNameOf, inRuns, supportsTransactions, writesPerCommand } from './mongo-deployment';

describe('databaseNameOf', () => {
  it.each([
    ['mongodb://user:p%40ss@h1:27017,h2:27017/kb_prod?replicaSet=rs0', 'kb_prod'],
    ['mongodb://localhost/my%20db', 'my db'],
    ['mongodb+srv://cluster.example.net/?retryWrites=true', 'atlas'],
    ['mongodb://localhost:27017', 'atlas'],
  ])('reads %s as %s', (uri, name) => {
    expect(databaseNameOf(uri)).toBe(name);
  });
});

describe('supportsTransactions', () => {
  it.each([
    [{ setName: 'rs0', isWritablePrimary: true }, true],
    [{ msg: 'isdbgrid' }, true],
    [{ isWritablePrimary: true }, false],
  ])('answers %j with %s', (hello, supported) => {
    expect(supportsTransactions(hello)).toBe(supported);
  });
});

describe('writesPerCommand', () => {
  it('limits the writes of one command on FerretDB, and not on MongoDB', () => {
    expect(writesPerCommand({ version: '7.0.42', ferretdbVersion: 'v1.24.2' })).toBeLessThan(100);
    expect(writesPerCommand({ version: '8.0.4' })).toBeUndefined();
  });
});

describe('inRuns', () => {
  it('splits a list into runs of at most the given size, in order', () => {
    expect(inRuns([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inRuns([1, 2, 3], undefined)).toEqual([[1, 2, 3]]);
    expect(inRuns([1, 2], 5)).toEqual([[1, 2]]);
    expect(inRuns([], 5)).toEqual([]);
  });
});
