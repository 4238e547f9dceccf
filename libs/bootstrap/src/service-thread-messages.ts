import type { JobInProgress } from '@atlas/common';
import type { CrashReason } from './crash-handlers';

/** What the main thread hands a service thread when it starts it. */
export interface ThreadStart {
  /** The name of the plan the thread runs (a key of SERVICE_PLANS). */
  service: string;
  /** The environment the host process was started with (its configuration, read again by the thread). */
  env: Record<string, string | undefined>;
  /** The name the thread's log lines carry: the host's, since to an operator it is one process. */
  logService: string;
}

/** An error as it crosses from a thread to its host. */
export interface ThreadError {
  name: string;
  message: string;
  stack: string | null;
}

/** Thread to host. */
export type ThreadMessage =
  | { kind: 'log'; line: string }
  | { kind: 'started' }
  | { kind: 'start_failed'; error: string }
  /** The stages of jobs the thread works on now, on every change (jobs-in-progress.ts). */
  | { kind: 'jobs'; jobs: JobInProgress[] }
  /** The thread met an exception or a rejection nothing handled: the process ends as on its own crash. */
  | { kind: 'crashed'; reason: CrashReason; error: ThreadError };

/** Host to thread. */
export type HostMessage = { kind: 'stop' };
