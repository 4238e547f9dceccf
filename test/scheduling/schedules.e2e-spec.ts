import { join } from 'node:path';
import { RunningService, SERVICE_PLANS } from '@atlas/bootstrap';
import { SchedulingModule, SyncScheduler } from '@atlas/scheduler';
import { slotId } from '@atlas/sync';
import {
  AtlasHarness,
  connectExport,
  eventually,
  readLog,
  startAtlas,
  startSibling,
  waitForJob,
} from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(150_000);

/** A scheduler instance alone: what `apps/scheduler` runs, minus the dispatcher (one is enough). */
const SCHEDULER_ONLY = { ...SERVICE_PLANS.scheduler, name: 'scheduler-2', modules: [SchedulingModule], workers: [] };

describe('sync schedules', () => {
  let atlas: AtlasHarness;
  const siblings: RunningService[] = [];

  beforeAll(async () => {
    atlas = await startAtlas();
    writeSlackExport(join(atlas.importDir, 'acme'), [
      generatedChannel('C0CRON', 'cron', 20),
      generatedChannel('C0BUSY', 'busy', 3000),
      generatedChannel('C0QUIET', 'quiet', 10),
    ]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(async () => {
    for (const sibling of siblings) await sibling.close();
    await atlas.close();
  });

  const requestsBySlot = async (channelId: string) => {
    const counts = new Map<string, number>();
    for (const { event } of await readLog(atlas.service.runtime.events)) {
      if (event.type === 'SyncRequested' && event.data.channel_id === channelId && event.data.trigger.slot) {
        counts.set(event.data.trigger.slot, (counts.get(event.data.trigger.slot) ?? 0) + 1);
      }
    }
    return counts;
  };

  it('stores a schedule and shows it at once, with next_sync in its time zone', async () => {
    const put = await atlas.api.put('/api/sync/schedules', {
      channel_id: 'C0QUIET',
      schedule: '0 9 * * 1',
      timezone: 'Europe/Berlin',
      enabled: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      channel_id: 'C0QUIET',
      schedule: '0 9 * * 1',
      timezone: 'Europe/Berlin',
      enabled: true,
      last_sync: null,
    });
    const next = new Date(put.body.next_sync);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next),
    ).toBe('Mon 09:00');
    const list = await atlas.api.get('/api/sync/schedules');
    expect(list.body.schedules).toEqual([
      expect.objectContaining({ channel_id: 'C0QUIET', schedule: '0 9 * * 1', next_sync: put.body.next_sync }),
    ]);

    const disabled = await atlas.api.put('/api/sync/schedules', {
      channel_id: 'C0QUIET',
      schedule: '0 9 * * 1',
      enabled: false,
    });
    expect(disabled.body).toMatchObject({ enabled: false, next_sync: null, timezone: 'UTC' });
  });

  it('records a firing that finds the channel syncing as skipped', async () => {
    await atlas.api.put('/api/sync/schedules', { channel_id: 'C0BUSY', schedule: '0 0 1 1 *' });
    const { body: running } = await atlas.api.post('/api/sync', { channel_id: 'C0BUSY' });
    const fired = await atlas.service.app.get(SyncScheduler).fire('C0BUSY', '2030-01-01T00:00:00Z');
    expect(fired).toMatchObject({
      outcome: 'skipped',
      reason: 'sync_in_progress',
      active_job_id: running.job_id,
      job_id: null,
    });
    const { body } = await eventually(async () => {
      const list = await atlas.api.get('/api/sync/schedules?channel_id=C0BUSY');
      return list.body.schedules[0]?.last_skip ? list : undefined;
    });
    expect(body.schedules[0].last_skip).toEqual({
      slot: '2030-01-01T00:00:00Z',
      reason: 'sync_in_progress',
      active_job_id: running.job_id,
    });
    expect(body.schedules[0].last_sync).toBeNull();
    await atlas.api.post('/api/sync/cancel', { job_id: running.job_id });
  });

  it('triggers each slot exactly once across two scheduler instances, a restart, and the real clock', async () => {
    await atlas.api.put('/api/sync/schedules', { channel_id: 'C0CRON', schedule: '* * * * *' });
    const second = await startSibling(atlas, SCHEDULER_ONLY);
    siblings.push(second);

    // Both instances fire the same slot, several times, at once.
    const slot = slotId(new Date());
    const instances = [atlas.service.app.get(SyncScheduler), second.app.get(SyncScheduler)];
    const outcomes = await Promise.all(
      instances.flatMap((scheduler) => [1, 2, 3].map(() => scheduler.fire('C0CRON', slot))),
    );
    expect(outcomes.filter((o) => o?.outcome === 'triggered').length).toBeGreaterThanOrEqual(1);
    expect((await requestsBySlot('C0CRON')).get(slot)).toBe(1);

    // A restarted instance catches up on missed slots at boot, but never re-fires one that fired.
    await second.close();
    siblings.pop();
    const restarted = await startSibling(atlas, SCHEDULER_ONLY);
    siblings.push(restarted);
    expect((await requestsBySlot('C0CRON')).get(slot)).toBe(1);

    // Let the real clock fire the next minute on both running instances.
    const next = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000);
    const counts = await eventually(
      async () => {
        const bySlot = await requestsBySlot('C0CRON');
        return [...bySlot.keys()].some((s) => s >= slotId(next)) ? bySlot : undefined;
      },
      75_000,
      'the cron to fire the next minute',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const settled = await requestsBySlot('C0CRON');
    expect([...settled.values()].every((n) => n === 1)).toBe(true);
    expect(settled.size).toBeGreaterThanOrEqual(2);
    expect(counts.size).toBeGreaterThanOrEqual(2);

    const log = await readLog(atlas.service.runtime.events);
    const firings = log.filter((e) => e.event.type === 'ScheduleFired' && e.event.data.channel_id === 'C0CRON');
    const slots = firings.map((e) => (e.event.data as any).slot);
    expect(new Set(slots).size).toBe(slots.length);

    const schedules = await atlas.api.get('/api/sync/schedules?channel_id=C0CRON');
    expect(schedules.body.schedules[0].last_sync).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    const jobId = log.find((e) => e.event.type === 'SyncRequested' && e.event.data.trigger.slot === slot)!.event
      .data as any;
    await waitForJob(atlas.api, 'C0CRON', jobId.job_id, ['completed', 'cancelled', 'failed']);
  });
});
