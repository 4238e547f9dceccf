import { contextDependence, withoutOpeners, yesOrNo } from './context-dependence';

/*
 * Lines from the dev half of eval/real/ubuntu-irc (the #ubuntu IRC channel, CC BY 4.0, see that
 * folder's README), as the extractor has rewritten them (pronouns resolved, address dropped).
 */
describe('contextDependence', () => {
  it.each([
    ['EfaistOs just switched from debian sid to ubuntu...', ['EfaistOs']],
    [
      "Skunkwaffle just did an update on Lucid, and it seems to have removed Skunkwaffle's network manager.",
      ['Skunkwaffle'],
    ],
    ['What is the advantage of aptitude over apt get?', []],
    ['Why not use Synaptic then instead of aptitude?', []],
    ['as anyone had problems with encrypting emails using evolution-2 + gnupg in ubuntu?', []],
    ['Is there a way to add another location to the gnome panel weather applet?', ['epod']],
    ['the bios controls WOL', ['fooman2011']],
    ['how does lino join #ubuntu-it?', ['lino']],
    ["barata has just realized that Ubuntu's grub really sucks!", ['barata']],
    ['eper3z, run this: echo /etc/init.d/samba restart | sudo tee /etc/network/if-up.d/samba', []],
    ['If you see prisma in Slack, it is the reporting service', []],
    ["Dev will add a 'we'll email you when it's ready' state to the export dialog", ['Dev']],
  ])('reads "%s" on its own', (text, names) => {
    expect(contextDependence(text, names)).toBeNull();
  });

  it.each([
    ['Pugio can run it from the live cd until Pugio can get a new harddrive', ['Pugio'], 'reference'],
    ['how does MrGoodkat_ do it?', ['MrGoodkat_'], 'reference'],
    ['int256 should use testdisk to save that', ['int256'], 'reference'],
    ['saves lot of space too', [], 'fragment'],
    ['there is also easyubuntu and automatix', [], 'fragment'],
    ["isn't there a city close to epod in there?", ['epod'], 'reference'],
    ['you just cannot chroot and fix the grub after windoz stole it', [], 'second_person'],
    ['by name', [], 'fragment'],
    ['command not found?', [], 'fragment'],
    ['might be nmbd starting too early', [], 'fragment'],
    ['What about the Add/Remove?', [], 'fragment'],
    ['Because the launcher can only launch one command.', [], 'fragment'],
    ['/dev/sda5 32 2089 16525312 8e Linux LVM', [], 'fragment'],
    ['Device Boot Start End Blocks Id System', [], 'fragment'],
    ['when patrick_ goes through preferences.', ['patrick_'], 'fragment'],
    ['"glxinfo | grep direct"', [], 'fragment'],
    ['Should cut about 3 minutes off the suite too.', [], 'fragment'],
    ['Is that something for Q2?', [], 'reference'],
  ])('finds "%s" pointing at the chat around it', (text, names, why) => {
    expect(contextDependence(text, names)).toBe(why);
  });

  it('does not take the "u" of a nick or the "it" of a channel name for a pronoun', () => {
    expect(contextDependence('el-sio has ATI card Jordan_U', ['el-sio'])).toBeNull();
    expect(contextDependence('lev joined #ubuntu-it yesterday', ['lev'])).toBeNull();
  });

  it('takes the "you" of an announcement to be the channel', () => {
    const text = 'Go 1.24 is now the default in the CI image, rebuild your branches';
    expect(contextDependence(text)).toBe('second_person');
    expect(contextDependence(text, [], { everyone: true })).toBeNull();
  });
});

describe('withoutOpeners', () => {
  it.each([
    ['hrm, bob2 thinks epod would need to file a bug', 'bob2 thinks epod would need to file a bug'],
    ['well, jief often uses vmware for testing', 'jief often uses vmware for testing'],
    ['yes but the hardware still listens for magic packets', 'the hardware still listens for magic packets'],
    ['Excellent. sudo grub-install /dev/sda', 'sudo grub-install /dev/sda'],
    ['OK to drop the old index', 'OK to drop the old index'],
    ['So far selah is preferring Synaptic.', 'So far selah is preferring Synaptic.'],
  ])('"%s" → "%s"', (text, expected) => {
    expect(withoutOpeners(text)).toBe(expected);
  });

  it('keeps a yes or no that is all a line says', () => {
    expect(withoutOpeners('yes, MrGoodkat_ can wipe the ram')).toBe('yes, MrGoodkat_ can wipe the ram');
  });
});

describe('yesOrNo', () => {
  it.each([
    ['yes', 'yes'],
    ['yep', 'yes'],
    ['yes\\', 'yes'],
    ['nope.', 'no'],
    ['yes it shows all partitions', null],
    ['no 5.24', null],
  ])('"%s" → %s', (text, expected) => {
    expect(yesOrNo(text)).toBe(expected);
  });
});
