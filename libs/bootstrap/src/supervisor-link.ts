import { jobsInProgress } from '@atlas/common';
import type { SupervisorMessage } from '@atlas/supervisor';

/**
 * When this process runs under the supervisor (it has an IPC channel to it): says when it is up and,
 * on every change, which jobs it works on, so that the supervisor's line about a death nothing inside
 * could log (SIGKILL, a fatal V8 error) still names the jobs. When the supervisor goes away, stops.
 */
export function linkToSupervisor(stop: (reason: string) => void): void {
  if (!process.send) return;
  const send = (message: SupervisorMessage) => {
    if (process.connected) process.send!(message, undefined, {}, () => undefined);
  };
  jobsInProgress.onChange((jobs) => send({ type: 'atlas:jobs', jobs }));
  process.once('disconnect', () => stop("the supervisor's exit"));
  // The channel alone must not keep the process running.
  process.channel?.unref();
  send({ type: 'atlas:ready' });
  send({ type: 'atlas:jobs', jobs: jobsInProgress.list() });
}
