import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { AddConnectionForm } from './AddConnectionForm';

vi.mock('../api/client', () => ({ api: { createConnection: vi.fn() } }));
const createConnection = vi.mocked(api.createConnection);

describe('AddConnectionForm', () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it("generates each platform's fields and offers Teams its two kinds of credentials", () => {
    render(<AddConnectionForm onAdded={() => undefined} />);
    expect(screen.getByLabelText(/^token/)).toHaveProperty('type', 'password');
    expect(screen.getByLabelText(/^rate_profile/).tagName).toBe('SELECT');

    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'teams' } });
    expect(screen.getByLabelText(/^team_id \(required\)/)).toBeTruthy();
    expect(screen.queryByLabelText(/^rate_profile/)).toBeNull();
    fireEvent.click(screen.getByLabelText('client_secret'));
    expect(screen.getByLabelText(/^client_secret \(required\)/)).toHaveProperty('type', 'password');
    expect(screen.queryByLabelText(/^token \(required\)/)).toBeNull();
  });

  it("puts the 400's problems under the fields they name, and sends only what was filled in", async () => {
    createConnection.mockRejectedValue(
      new ApiError(400, 'VALIDATION_ERROR', 'config.base_url must be an http(s) URL', {
        problems: ['config.base_url must be an http(s) URL', 'slack connections need credentials: token'],
      }),
    );
    render(<AddConnectionForm onAdded={() => undefined} />);
    fireEvent.change(screen.getByLabelText(/^name/), { target: { value: 'Acme' } });
    fireEvent.change(screen.getByLabelText(/^base_url/), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add connection' }));

    const baseUrl = screen.getByLabelText(/^base_url/);
    await waitFor(() => expect(baseUrl.getAttribute('aria-invalid')).toBe('true'));
    const described = baseUrl
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('config.base_url must be an http(s) URL');
    expect(screen.getByLabelText(/^workspace_url/).getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('slack connections need credentials: token')).toBeTruthy();
    expect(createConnection).toHaveBeenCalledWith({
      name: 'Acme',
      platform: 'slack',
      config: { base_url: 'nope' },
      credentials: {},
    });
  });
});
