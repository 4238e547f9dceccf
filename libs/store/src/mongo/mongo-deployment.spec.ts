import { databaseNameOf, supportsTransactions } from './mongo-deployment';

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
