import type { JobDoc } from '@atlas/read-models';
import { connectionHealth } from './connection-health';

function job(seq: number, channelId: string, status: 'completed' | 'failed', code?: string): JobDoc {
  return {
    job_id: `sync_${seq}`,
    channel_id: channelId,
    requested_seq: seq,
    status,
    finished_at: `2026-12-07T10:00:0${seq}.000Z`,
    error: code ? { code, message: 'no', details: {} } : null,
  } as unknown as JobDoc;
}

describe('connectionHealth', () => {
  it('is never_synced when no channel has a finished job (or there are no channels)', () => {
    expect(connectionHealth([null, null]).status).toBe('never_synced');
    expect(connectionHealth([])).toEqual({
      status: 'never_synced',
      error_code: null,
      job_id: null,
      channel_id: null,
      as_of: null,
    });
  });

  it("is ok when every channel's newest finished job completed, judged by the newest of them", () => {
    expect(connectionHealth([job(1, 'C1', 'completed'), null, job(3, 'C2', 'completed')])).toEqual({
      status: 'ok',
      error_code: null,
      job_id: 'sync_3',
      channel_id: 'C2',
      as_of: '2026-12-07T10:00:03.000Z',
    });
  });

  it("is failing with the code of the newest failure when some channel's newest finished job failed", () => {
    const health = connectionHealth([
      job(2, 'C1', 'failed', 'CHANNEL_NOT_FOUND'),
      job(5, 'C2', 'completed'),
      job(4, 'C3', 'failed', 'AUTH_ERROR'),
    ]);
    expect(health).toEqual({
      status: 'failing',
      error_code: 'AUTH_ERROR',
      job_id: 'sync_4',
      channel_id: 'C3',
      as_of: '2026-12-07T10:00:04.000Z',
    });
  });
});
