import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { JobStatusView } from '../api/types';
import { useJobStatus } from './useJobStatus';

vi.mock('../api/client', () => ({ api: { syncStatus: vi.fn(), eventStreamToken: vi.fn() } }));
const syncStatus = vi.mocked(api.syncStatus);
const eventStreamToken = vi.mocked(api.eventStreamToken);

function status(overrides: Partial<JobStatusView>): JobStatusView {
  return {
    job_id: 'sync_1',
    channel_id: 'C1',
    status: 'running',
    progress: { total_messages: 10, processed_messages: 0, failing_messages: 0, percentage: 0 },
    started_at: '2026-04-13T10:30:00Z',
    estimated_completion: null,
    current_stage: 'fetching_messages',
    completed_at: null,
    cancelled_at: null,
    error: null,
    reread_messages: 0,
    stages: [],
    knowledge: {
      facts_extracted: 0,
      skipped_messages: 0,
      entities_created: 0,
      relations_created: 0,
      wiki_pages_changed: 0,
      llm: { prompt_tokens: 0, completion_tokens: 0, fallback_batches: 0 },
    },
    ...overrides,
  };
}

describe('useJobStatus', () => {
  afterEach(() => vi.clearAllMocks());

  it('polls the status when the event stream cannot be opened, until the job ends', async () => {
    eventStreamToken.mockRejectedValue(new ApiError(404, 'NOT_FOUND', 'no such route'));
    const waitingUntil = new Date(Date.now() + 42_000).toISOString();
    const rateLimited = {
      code: 'RATE_LIMIT' as const,
      message: 'The platform is limiting the rate of requests',
      details: { retry_after: 42, retrying_at: waitingUntil, attempt: 1 },
    };
    syncStatus
      .mockResolvedValueOnce(status({ error: rateLimited }))
      .mockResolvedValueOnce(status({ error: rateLimited }))
      .mockResolvedValueOnce(
        status({ progress: { total_messages: 10, processed_messages: 5, failing_messages: 0, percentage: 50 } }),
      )
      .mockResolvedValue(status({ status: 'completed', current_stage: null, completed_at: '2026-04-13T10:32:00Z' }));

    const { result } = renderHook(() => useJobStatus('C1', 'sync_1'));
    await waitFor(() => expect(result.current.feed).toBe('polling'));
    await waitFor(() =>
      expect(result.current.waiting).toMatchObject({ reason: 'throttle', retrying_at: waitingUntil }),
    );
    await waitFor(() => expect(result.current.status?.status).toBe('completed'), { timeout: 5_000 });
    expect(result.current.waiting).toBeNull();
    expect(result.current.feed).toBe('done');
    expect(result.current.stageStarts.fetching_messages).toBe('2026-04-13T10:30:00Z');
    const calls = syncStatus.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(syncStatus.mock.calls.length).toBe(calls);
  });
});
