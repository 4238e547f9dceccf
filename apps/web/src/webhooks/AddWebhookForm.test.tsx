import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { AddWebhookForm } from './AddWebhookForm';

vi.mock('../api/client', () => ({ api: { createWebhook: vi.fn() } }));
const createWebhook = vi.mocked(api.createWebhook);

describe('AddWebhookForm', () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it('sends the URL, the checked events in a job’s order and the secret, then clears the form', async () => {
    const added = vi.fn();
    createWebhook.mockResolvedValue({
      webhook_id: 'wh_1',
      url: 'https://hooks.example.com/a',
      events: ['SyncStarted', 'SyncCompleted'],
      has_secret: true,
      created_at: '2026-12-07T20:00:00Z',
    });
    render(<AddWebhookForm onAdded={added} />);
    fireEvent.change(screen.getByLabelText(/^URL/), { target: { value: ' https://hooks.example.com/a ' } });
    // Completed, failed and cancelled are checked at first: keep completed, add started.
    fireEvent.click(screen.getByRole('checkbox', { name: /SyncFailed/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /SyncCancelled/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /SyncStarted/ }));
    expect(screen.getByLabelText(/^Signing secret/)).toHaveProperty('type', 'password');
    fireEvent.change(screen.getByLabelText(/^Signing secret/), { target: { value: 'a-long-enough-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));

    await waitFor(() => expect(added).toHaveBeenCalled());
    expect(createWebhook).toHaveBeenCalledWith({
      url: 'https://hooks.example.com/a',
      events: ['SyncStarted', 'SyncCompleted'],
      secret: 'a-long-enough-secret',
    });
    expect(screen.getByLabelText(/^URL/)).toHaveProperty('value', '');
    expect(screen.getByLabelText(/^Signing secret/)).toHaveProperty('value', '');
  });

  it('sends no secret when none is given', async () => {
    createWebhook.mockResolvedValue({} as never);
    render(<AddWebhookForm onAdded={() => undefined} />);
    fireEvent.change(screen.getByLabelText(/^URL/), { target: { value: 'https://hooks.example.com/a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(createWebhook).toHaveBeenCalled());
    expect(createWebhook.mock.calls[0][0]).toEqual({
      url: 'https://hooks.example.com/a',
      events: ['SyncCompleted', 'SyncFailed', 'SyncCancelled'],
    });
  });

  it('marks the fields a 400 names and keeps what was typed', async () => {
    createWebhook.mockRejectedValue(
      new ApiError(400, 'VALIDATION_ERROR', 'url points at 10.0.0.5', {
        problems: ['url points at 10.0.0.5, which is a loopback or private-network address', 'secret must be longer'],
      }),
    );
    render(<AddWebhookForm onAdded={() => undefined} />);
    fireEvent.change(screen.getByLabelText(/^URL/), { target: { value: 'http://10.0.0.5/hook' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));

    const url = screen.getByLabelText(/^URL/);
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(url.getAttribute('aria-describedby')!)?.textContent).toContain('private-network');
    expect(screen.getByLabelText(/^Signing secret/).getAttribute('aria-invalid')).toBe('true');
    expect(url).toHaveProperty('value', 'http://10.0.0.5/hook');
  });
});
