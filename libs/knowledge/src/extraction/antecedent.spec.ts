import { withItResolved } from './antecedent';

// Lines from the dev half of eval/real/ubuntu-irc (CC BY 4.0, see that folder's README).
describe('withItResolved', () => {
  it.each([
    [
      "It'll display questionmarks for things not received",
      'mtr',
      'mtr will display questionmarks for things not received',
    ],
    ['kizza can probably get it using apt-get', 'compiz', 'kizza can probably get compiz using apt-get'],
    ["No, it looks like it's gone", 'nm-applet', 'No, it looks like nm-applet is gone'],
    ['its config lives in /etc', 'samba', "samba's config lives in /etc"],
  ])('"%s" with "it" = %s → "%s"', (text, thing, expected) => {
    expect(withItResolved(text, thing)).toBe(expected);
  });
});
