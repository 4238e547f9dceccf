import { newId, stableId } from '@atlas/common';

export const newJobId = (): string => newId('sync');

/** The job a scheduled firing creates: the same channel and cron slot always give the same id. */
export const scheduledJobId = (channelId: string, slot: string): string =>
  stableId('sync', 'schedule', channelId, slot);
