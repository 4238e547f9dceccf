import { EXIT_CODE } from './exit-codes';
import type { FatalErrorReport } from './fatal-error-reports';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The diagnostic report the process wrote as it died, if any. */
  report: FatalErrorReport | null;
  /** Whether the kernel's OOM-kill count of this cgroup rose while the process ran (null: unknown). */
  oomKilled: boolean | null;
}

export interface ExitReason {
  /** A stable word for alerts: stopped, crashed, heap_out_of_memory, fatal_error, oom_killed, killed, ... */
  kind: string;
  text: string;
}

/** Why a supervised process ended, in words an operator can act on. */
export function explainExit(exit: ChildExit): ExitReason {
  const { code, signal, report } = exit;
  if (report && /heap out of memory|heap limit/i.test(report.event))
    return {
      kind: 'heap_out_of_memory',
      text: `V8 fatal error "${report.event}": the JavaScript heap reached its limit (raise --max-old-space-size); report ${report.path}`,
    };
  if (report) return { kind: 'fatal_error', text: `Node.js fatal error "${report.event}"; report ${report.path}` };
  if (signal === 'SIGKILL') {
    if (exit.oomKilled)
      return { kind: 'oom_killed', text: 'signal SIGKILL from the kernel OOM killer (the memory limit was reached)' };
    return {
      kind: 'killed',
      text:
        'signal SIGKILL: the kernel OOM killer (check `dmesg` or `journalctl -k` for "Killed process") or a kill -9; ' +
        'nothing inside the process can log either',
    };
  }
  if (signal === 'SIGABRT')
    return { kind: 'fatal_error', text: 'signal SIGABRT: a fatal V8 or Node.js error (its message is on stderr)' };
  if (signal) return { kind: 'signal', text: `signal ${signal}` };
  switch (code) {
    case EXIT_CODE.stopped:
      return { kind: 'stopped', text: 'exit code 0: it stopped cleanly' };
    case EXIT_CODE.crashed:
      return {
        kind: 'crashed',
        text: `exit code ${code}: an uncaught exception or unhandled rejection (its own line above says which)`,
      };
    case EXIT_CODE.startFailed:
      return {
        kind: 'start_failed',
        text: `exit code ${code}: it could not start or failed (its own line above says why)`,
      };
    case EXIT_CODE.stopFailed:
      return { kind: 'stop_failed', text: `exit code ${code}: its shutdown failed or took too long` };
    case 134:
      return {
        kind: 'fatal_error',
        text: 'exit code 134 (abort): a fatal V8 or Node.js error (its message is on stderr)',
      };
    default:
      return { kind: 'exited', text: `exit code ${code}` };
  }
}
