import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Node writes its diagnostic report when the process dies of a fatal error, in the data dir. */
export function reportsDir(dataDir: string): string {
  return join(dataDir, 'reports');
}

/**
 * Has Node write a diagnostic report (https://nodejs.org/api/report.html) when a fatal error kills the
 * process, such as V8's "JavaScript heap out of memory": the error, the JavaScript and native stacks
 * and the heap spaces at the moment of death. JavaScript cannot catch or log such an error; the report
 * and the supervisor's line (which names the report) are what is left. Environment variables are left
 * out: they hold the API keys and the secret key.
 */
export function enableFatalErrorReports(dataDir: string): void {
  const directory = reportsDir(dataDir);
  mkdirSync(directory, { recursive: true });
  process.report.directory = directory;
  process.report.reportOnFatalError = true;
  process.report.excludeEnv = true;
  process.report.compact = true;
}

/**
 * The same settings as Node options, for a process the supervisor starts. Set at run time only, they
 * are not always honoured: in the tests, the report of an all-in-one that ran out of heap during a sync
 * listed the environment although excludeEnv was set; given on the command line, it never does.
 */
export function fatalErrorReportOptions(dataDir: string): string[] {
  mkdirSync(reportsDir(dataDir), { recursive: true });
  return [
    '--report-on-fatalerror',
    '--report-exclude-env',
    '--report-compact',
    `--report-directory=${reportsDir(dataDir)}`,
  ];
}

export interface FatalErrorReport {
  path: string;
  /** What killed the process, e.g. "Allocation failed - JavaScript heap out of memory". */
  event: string;
}

/** The report the process with this pid wrote, if it wrote one. */
export function reportOfProcess(dataDir: string, pid: number): FatalErrorReport | null {
  const directory = reportsDir(dataDir);
  let names: string[];
  try {
    // Node names reports report.<date>.<time>.<pid>.<thread>.<sequence>.json.
    names = readdirSync(directory).filter((name) => name.split('.')[3] === String(pid) && name.endsWith('.json'));
  } catch {
    return null;
  }
  const newest = names.sort().at(-1);
  if (!newest) return null;
  const path = join(directory, newest);
  try {
    const header = JSON.parse(readFileSync(path, 'utf8')).header as { event?: string; trigger?: string };
    return { path, event: header.event ?? header.trigger ?? 'unknown' };
  } catch {
    return { path, event: 'unreadable report' };
  }
}
