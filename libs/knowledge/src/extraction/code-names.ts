import { lexiconTags } from './compromise-lexicon';
import { FUNCTION_WORDS, TOPIC_STOPWORDS } from './stopwords';
import { matchesOf, type TextRange } from './text-ranges';

/** A name of software the text writes the way a command line does, or says is software. */
export interface CodeNameMatch extends TextRange {
  name: string;
}

/** What a package, command or module name looks like: lowercase, digits, and . + _ - inside. */
const NAME = '[a-z][a-z0-9+_.-]*[a-z0-9+]|[a-z][a-z0-9]?';
/** "apt-get install vlc mplayer", "sudo aptitude install -y foo", "pip install requests": every package named. */
const INSTALL_COMMAND =
  /\b(?:apt-get|apt|aptitude|yum|dnf|zypper|emerge|pip3?|npm|gem|brew|snap|flatpak|cargo)(?:\s+-{1,2}[\w-]+)*\s+(?:install|remove|purge|reinstall|uninstall)((?:\s+(?:-{1,2}[\w=-]+|[a-z0-9][a-z0-9+_.:-]*))+)/g;
/** "sudo modprobe b43", "rmmod ndiswrapper": a kernel module. */
const MODULE_COMMAND = /\b(?:modprobe|rmmod|insmod)(?:\s+-{1,2}[\w-]+)*\s+([a-z0-9][a-z0-9_-]*)/dg;
/** "sudo grub-install", "sudo nmbd": what sudo runs is a command. */
const AFTER_SUDO = new RegExp(`\\bsudo\\s+(?:-{1,2}[\\w-]+\\s+)*(${NAME})(?![\\w/])`, 'dg');
/** "run: nm-applet &", "try mtr.", "install compiz", "start "gnome-volume-control"". */
const TOOL_VERB = new RegExp(
  `\\b(?:run|running|ran|try|trying|launch|start|type|use|using)\\s*:?\\s+["'\`]?(${NAME})(?![\\w/@])`,
  'dg',
);
/** "install sudo for later": what is installed is software, shell glue included. */
const INSTALL_VERB = new RegExp(
  `\\b(?:install|installed|installing|reinstall|reinstalled|uninstall|uninstalled)\\s+(${NAME})(?![\\w/@])`,
  'dg',
);
/** "the halt command", "ssmtp package", "nmbd daemon": the word after says what it is. */
const KIND_AFTER = new RegExp(
  `(?<![\\w.-])["'\`]?(${NAME})["'\`]?\\s+(?:command|package|packages|daemon|utility|binary|module|driver|applet)\\b`,
  'dg',
);
/** "do you have compiz installed", "version of php": said of software only. */
const STATE_AFTER = new RegExp(`(?<![\\w.-])(${NAME})\\s+(?:is\\s+|was\\s+)?(?:installed|not\\s+installed)\\b`, 'dg');
const VERSION_OF = new RegExp(`\\bversions?\\s+of\\s+(${NAME})(?![\\w/])`, 'dg');
/** "glxinfo | grep direct": the first word of a pipeline in quotes or backticks is a command. */
const QUOTED_PIPELINE = new RegExp(`["'\`](${NAME})(?:\\s+[^"'\`|]*)?\\s*\\|`, 'dg');

/** Commands that only glue other commands together: never what a message is about. */
const SHELL_GLUE = new Set(
  `sudo su sh bash tee grep egrep cat echo ls cd cp mv rm mkdir rmdir chmod chown ln touch head tail less more sed
   awk xargs sort uniq wc find locate which whereis man info kill killall ps export source exit env time watch
   nohup true false test yes clear reset history alias unset set read printf dd mount umount`
    .trim()
    .split(/\s+/),
);
/** Words a chat line puts where a package goes that name none ("install package name", "the program"). */
const PLACEHOLDERS = new Set(
  `package packages packagename name names program programs software app apps application applications tool tools
   thing things stuff foo bar baz something anything whatever command commands driver drivers module version
   latest updates update upgrade upgrades dependencies deps source sources file files script scripts
   manually again first later now instead too either all everything it this that them those these`
    .trim()
    .split(/\s+/),
);

/** Endings of English words the lexicon misses ("buggy packages", "rebooting"): no program is named so. */
const ENGLISH_ENDING = /(?:ing|ed|ly|able|ible|ful|less|ous|ive|ish|ness|ment|tion|[^aeiou]y)$/;

/**
 * Names of software written as a command line writes them: packages of an install command, kernel
 * modules, what sudo runs, the first command of a quoted pipeline; and names the words around call
 * software ("the halt command", "install compiz", "version of php"). A word English uses otherwise
 * ("try again", "use it", "run the update") is never one: compromise's lexicon and the stopwords tell.
 */
export function findCodeNames(text: string): CodeNameMatch[] {
  const found: CodeNameMatch[] = [];
  const add = (name: string, start: number, everyday = false): void => {
    const end = start + name.length;
    if (!everyday && !isSoftwareLike(name)) return;
    if (found.some((other) => start < other.end && end > other.start)) return;
    found.push({ name, start, end });
  };
  for (const match of matchesOf(text, INSTALL_COMMAND)) {
    const listStart = match.index + match[0].length - match[1].length;
    for (const word of matchesOf(match[1], /\S+/g)) {
      if (word[0].startsWith('-')) continue;
      const name = word[0].replace(/[.:,]+$/, '');
      // Only package names follow: an English word ends the list ("install it now", "install package name").
      if (!isPackageName(name)) break;
      add(name, listStart + word.index, true);
    }
  }
  for (const pattern of [MODULE_COMMAND, AFTER_SUDO, QUOTED_PIPELINE, KIND_AFTER]) {
    for (const match of matchesOf(text, pattern)) {
      const name = match[1];
      if (SHELL_GLUE.has(name)) continue;
      // What the command line shows is a command whatever the word; the words around prove less.
      const everyday = pattern !== KIND_AFTER && isPackageName(name);
      add(name, match.indices![1]![0], everyday);
    }
  }
  for (const pattern of [INSTALL_VERB, TOOL_VERB, STATE_AFTER, VERSION_OF]) {
    for (const match of matchesOf(text, pattern)) {
      const name = match[1];
      if (SHELL_GLUE.has(name) && pattern !== INSTALL_VERB) continue;
      add(name, match.indices![1]![0]);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function isPackageName(word: string): boolean {
  return /^[a-z0-9][a-z0-9+_.:-]*$/.test(word) && !PLACEHOLDERS.has(word) && !FUNCTION_WORDS.has(word);
}

/**
 * A name only the context calls software must look like one: a hyphen, digit, underscore or plus in it
 * ("nm-applet", "b43"), or a word neither English nor chat shorthand ("mtr", "compiz", "glxinfo").
 */
function isSoftwareLike(name: string): boolean {
  if (!isPackageName(name) || name.length < 2) return false;
  if (/[-_+\d]/.test(name)) return !/^\d/.test(name);
  return !TOPIC_STOPWORDS.has(name) && lexiconTags(name).length === 0 && !ENGLISH_ENDING.test(name);
}
