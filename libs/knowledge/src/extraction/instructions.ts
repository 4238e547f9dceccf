/** Tools a support channel tells people to run by name. */
const TOOLS =
  'sudo|apt-get|aptitude|dpkg|modprobe|grub-install|glxinfo|lspci|lsusb|dmesg|fdisk|ifconfig|nm-applet|chmod|chown|systemctl';
/** A command line: a tool run by name, a pipe, a shell variable, "run: …". */
const COMMAND = new RegExp(`(?:^|[\\s"'\`:])(?:${TOOLS})\\b|\\s\\|\\s|\\$\\w|\\brun:`, 'i');
/** A command line that opens the text: "sudo grub-install …". */
const COMMAND_FIRST = new RegExp(`^\\W*(?:${TOOLS})\\b`, 'i');
/** A step to take, opening the line (after an address or an "ok,"): "try mtr", "now use testdisk". */
const STEP =
  /^\W*(?:\w+[,.!]\s+)?(?:now )?(?:try|run|use|install|add|type|open|check|start|select|click|go|look|see|read|remove|edit|reboot|restart)\s+\S/i;
/** A quoted command: "\"glxinfo | grep direct\"". */
const QUOTED = /^\s*["`]/;

/**
 * A step to take or a command to run, said to someone ("Skunkwaffle: run: nm-applet &", "kizza,
 * \"glxinfo | grep direct\"", "int256: now use testdisk", "try mtr."): an instruction answers them, asked
 * or not, and beside the question it answers it says something even when it is short.
 */
export function isInstruction(text: string): boolean {
  return COMMAND.test(text) || STEP.test(text) || QUOTED.test(text);
}

/** An instruction that opens with what to do ("install compiz", "sudo grub-install …", "\"glxinfo\""): it has no subject of its own. */
export function opensWithStep(text: string): boolean {
  return STEP.test(text) || QUOTED.test(text) || COMMAND_FIRST.test(text);
}
