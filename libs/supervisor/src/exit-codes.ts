/**
 * How an Atlas process ends, as an exit code: what the supervisor (and Docker, systemd) read to tell a
 * crash from a stop. A fatal V8 error ends the process with SIGABRT, a kernel OOM kill with SIGKILL.
 */
export const EXIT_CODE = {
  /** Stopped on request (SIGTERM, SIGINT) after a clean shutdown. */
  stopped: 0,
  /** The start failed (bad configuration, NATS or the store unreachable); the process logged why. */
  startFailed: 1,
  /** The shutdown after SIGTERM/SIGINT failed or took too long. */
  stopFailed: 2,
  /** An uncaught exception or unhandled rejection (EX_SOFTWARE); the process logged why. */
  crashed: 70,
} as const;
