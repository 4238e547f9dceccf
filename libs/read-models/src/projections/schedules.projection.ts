import type { ScheduleDoc } from '../documents';
import { applyOnce, Projection } from './projection';

export const projectSchedules: Projection = async (tx, { seq, event }) => {
  switch (event.type) {
    case 'ScheduleUpdated': {
      const d = event.data;
      await applyOnce<ScheduleDoc>(tx, 'schedules', d.channel_id, seq, (current) => ({
        channel_id: d.channel_id,
        schedule: d.schedule,
        timezone: d.timezone,
        enabled: d.enabled,
        updated_at: event.metadata.occurred_at,
        last_sync: current?.last_sync ?? null,
        last_job_id: current?.last_job_id ?? null,
        last_fired_slot: current?.last_fired_slot ?? null,
        last_skip: current?.last_skip ?? null,
        skipped_count: current?.skipped_count ?? 0,
      }));
      return;
    }
    case 'ScheduleFired': {
      const d = event.data;
      await applyOnce<ScheduleDoc>(tx, 'schedules', d.channel_id, seq, (current) => {
        if (!current) return undefined;
        if (d.outcome === 'triggered') {
          return { ...current, last_fired_slot: d.slot, last_sync: d.slot, last_job_id: d.job_id };
        }
        return {
          ...current,
          last_fired_slot: d.slot,
          last_skip: { slot: d.slot, reason: d.reason ?? 'skipped', active_job_id: d.active_job_id },
          skipped_count: current.skipped_count + 1,
        };
      });
      return;
    }
  }
};
