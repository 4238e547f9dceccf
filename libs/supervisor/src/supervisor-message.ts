import type { JobInProgress } from '@atlas/common';

/** What a supervised process tells its supervisor over the IPC channel. */
export type SupervisorMessage = { type: 'atlas:ready' } | { type: 'atlas:jobs'; jobs: JobInProgress[] };
