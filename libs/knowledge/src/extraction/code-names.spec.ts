import { findCodeNames } from './code-names';

const namesOf = (text: string): string[] => findCodeNames(text).map((match) => match.name);

describe('findCodeNames (lines of the #ubuntu IRC channel)', () => {
  it('reads every package of an install command, and stops at the first English word', () => {
    expect(namesOf('skrip: That guide does not appear to do sudo apt-get install firmware-b43-installer')).toEqual([
      'apt-get',
      'firmware-b43-installer',
    ]);
    expect(namesOf('so - apt-get install konqueror sudo')).toEqual(['konqueror', 'sudo']);
    expect(namesOf('Azul, you can do sudo aptitude install package name i')).toEqual(['aptitude']);
  });

  it('reads kernel modules and what sudo runs, but not shell glue', () => {
    expect(namesOf('skrip: sudo modprobe b43  and it should spring to life')).toEqual(['modprobe', 'b43']);
    expect(namesOf('johnnee: Excellent.  sudo grub-install --boot-directory=/mnt/boot/ /dev/sda')).toEqual([
      'grub-install',
    ]);
    expect(namesOf('echo restart | sudo tee /etc/network/if-up.d/samba && sudo chmod +x it')).toEqual([]);
  });

  it('reads the first command of a quoted pipeline', () => {
    expect(namesOf('kizza, "glxinfo | grep direct"')).toEqual(['glxinfo']);
  });

  it('reads a name the words around call software, when it is no English word', () => {
    expect(namesOf('hateball, try mtr. It will display question marks')).toEqual(['mtr']);
    expect(namesOf('kizza, install compiz')).toEqual(['compiz']);
    expect(namesOf('might as well install sudo for later')).toEqual(['sudo']);
    expect(namesOf('Skunkwaffle: run: nm-applet &')).toEqual(['nm-applet']);
    expect(namesOf('why the halt command called from a user differs')).toEqual(['halt']);
    expect(namesOf('I can get only buggy packages on alternate repos')).toEqual([]);
    expect(namesOf('try again later, then run the update and use it')).toEqual([]);
  });
});
