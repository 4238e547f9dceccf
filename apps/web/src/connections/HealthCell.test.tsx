import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionHealth } from '../api/types';
import { HealthCell, TestResult } from './HealthCell';

function renderCell(health: ConnectionHealth, test: TestResult | null = null) {
  const router = createMemoryRouter([{ path: '/', element: <HealthCell health={health} test={test} /> }]);
  return render(<RouterProvider router={router} />);
}

const never: ConnectionHealth = {
  status: 'never_synced',
  error_code: null,
  job_id: null,
  channel_id: null,
  as_of: null,
};

describe('HealthCell', () => {
  afterEach(cleanup);

  it('says never synced when no job of its channels finished', () => {
    const { container } = renderCell(never);
    expect(container.textContent).toBe('never synced');
  });

  it('is ok with the time of the last sync, linked to that job', () => {
    renderCell({
      status: 'ok',
      error_code: null,
      job_id: 'sync_2',
      channel_id: 'C 1',
      as_of: '2026-12-07T10:00:00.000Z',
    });
    expect(screen.getByText(/^ok · last sync/).className).toBe('ok');
    expect(screen.getByRole('link').getAttribute('href')).toBe('/jobs/C%201/sync_2');
  });

  it('names the error code of a failing connection and links the failed job', () => {
    renderCell({
      status: 'failing',
      error_code: 'AUTH_ERROR',
      job_id: 'sync_9',
      channel_id: 'C1',
      as_of: '2026-12-07T10:00:00.000Z',
    });
    const cell = screen.getByText(/^failing: AUTH_ERROR/);
    expect(cell.className).toBe('error');
    expect(screen.getByRole('link', { name: 'the failed job' }).getAttribute('href')).toBe('/jobs/C1/sync_9');
  });

  it("shows a test's answer instead once the platform was asked", () => {
    const at = new Date('2026-12-07T10:00:00.000Z');
    const failed = {
      ok: false,
      latency_ms: 30,
      channels_visible: 0,
      channels_missing: [],
      error: { code: 'AUTH_ERROR', message: 'invalid_auth', details: {} },
    } as unknown as TestResult['answer'];
    const { unmount } = renderCell(never, { answer: failed, at });
    expect(screen.getByText(/^failing: AUTH_ERROR \(tested/)).toBeTruthy();
    expect(screen.queryByText('never synced')).toBeNull();
    unmount();
    renderCell(never, { answer: { ...failed, ok: true, error: null, channels_visible: 3 }, at });
    expect(screen.getByText(/^ok · 30 ms · 3 visible/)).toBeTruthy();
  });
});
