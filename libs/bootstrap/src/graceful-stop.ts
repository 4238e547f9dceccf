import { Logger } from '@nestjs/common';
import { errorMessage, jobsInProgress } from '@atlas/common';
import { EXIT_CODE } from '@atlas/supervisor';
import { noteStopReason } from './crash-handlers';

/** Longer than a clean stop takes (workers hand their jobs back, NATS drains), shorter than Docker's kill. */
const STOP_TIMEOUT_MS = 9_000;

/**
 * Stops the service cleanly on SIGTERM or SIGINT: one line says why and which jobs it hands back (their
 * triggers are redelivered to the next worker), then it closes and exits with EXIT_CODE.stopped. A
 * shutdown that fails or hangs exits with EXIT_CODE.stopFailed; a second signal exits at once.
 * Returns the stop function, for other reasons to stop (the supervisor went away).
 */
export function stopOnSignals(service: string, close: () => Promise<void>): (reason: string) => void {
  const log = new Logger('Process');
  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) {
      noteStopReason(`${reason} while stopping: stopped at once`);
      process.exit(EXIT_CODE.stopFailed);
    }
    stopping = true;
    noteStopReason(`stopped on ${reason}`);
    log.log(`${service} stopping on ${reason}`, {
      reason: 'stop',
      stopped_by: reason,
      jobs_in_progress: jobsInProgress.list(),
    });
    const deadline = setTimeout(() => {
      noteStopReason(`stopping on ${reason} took longer than ${STOP_TIMEOUT_MS} ms`);
      process.exit(EXIT_CODE.stopFailed);
    }, STOP_TIMEOUT_MS);
    close().then(
      () => process.exit(EXIT_CODE.stopped),
      (error) => {
        clearTimeout(deadline);
        noteStopReason(`stopping on ${reason} failed: ${errorMessage(error)}`);
        process.exit(EXIT_CODE.stopFailed);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return stop;
}
