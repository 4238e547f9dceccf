import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobError, MessageView } from '../api/types';
import { JobErrorView } from './JobErrorView';
import { MessageDetails } from './MessageDetails';

function renderAt(element: React.ReactNode) {
  return render(<RouterProvider router={createMemoryRouter([{ path: '/', element }])} />);
}

describe("a job's failing message", () => {
  afterEach(cleanup);

  it('is linked from the error to the page of that message in the channel', () => {
    const error: JobError = {
      code: 'INTERNAL_ERROR',
      message: 'Facts could not be extracted from 1 message(s); the rest of the channel synced.',
      details: { failing_message_id: '1767235800.100017' },
    };
    renderAt(<JobErrorView error={error} channelId="C0MIXED" />);
    const link = screen.getByRole('link', { name: 'Failing message 1767235800.100017' });
    expect(link.getAttribute('href')).toBe('/channels/C0MIXED/messages/1767235800.100017');
  });

  it('is not linked when the error names none', () => {
    renderAt(<JobErrorView error={{ code: 'AUTH_ERROR', message: 'invalid_auth', details: {} }} channelId="C1" />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('AUTH_ERROR')).toBeTruthy();
  });

  it('shows its author, time, text and permalink', () => {
    const message: MessageView = {
      message_id: '1767235800.100017',
      channel_id: 'C0MIXED',
      author_name: 'Cho Park',
      timestamp: '2026-01-01T02:50:00.100Z',
      text: 'We decided to rotate the keys tonight.',
      thread_parent_id: null,
      permalink: 'https://acme.slack.com/archives/C0MIXED/p1767235800100017',
      edited: false,
      deleted: false,
    };
    renderAt(<MessageDetails message={message} />);
    expect(screen.getByText('Cho Park')).toBeTruthy();
    expect(screen.getByText('We decided to rotate the keys tonight.')).toBeTruthy();
    expect(screen.getByRole('link').getAttribute('href')).toBe(message.permalink);
    expect(document.querySelector('time')?.getAttribute('dateTime')).toBe(message.timestamp);
  });
});
