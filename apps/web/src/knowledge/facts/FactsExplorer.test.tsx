import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fact } from '../types';
import { FactsExplorer } from './FactsExplorer';

function fact(id: string, type: Fact['type'], links: Partial<Fact> = {}): Fact {
  return {
    id,
    channel_id: 'C1',
    text: `Fact ${id}`,
    type,
    confidence: 0.9,
    entities: [],
    relations: [],
    topics: [],
    subject: null,
    valid_at: '2025-03-04T10:00:00.000Z',
    due_at: null,
    supersedes: null,
    superseded_by: null,
    owner: null,
    reports_done: false,
    state: null,
    closed_by: null,
    language: 'en',
    source: {
      message_id: `m_${id}`,
      author_id: 'u1',
      author_name: 'Ana Lima',
      timestamp: '2025-03-04T10:00:00.000Z',
      thread_id: null,
      permalink: null,
      text: null,
    },
    ...links,
  };
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

describe('FactsExplorer', () => {
  let urls: URL[];

  beforeEach(() => {
    urls = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        const url = new URL(input, 'http://app');
        urls.push(url);
        if (url.searchParams.get('cursor') === 'page2')
          return json({ channel_id: 'C1', facts: [fact('f3', 'decision')], next_cursor: null });
        return json({
          channel_id: 'C1',
          facts: [fact('f1', 'decision', { superseded_by: 'f3' }), fact('f2', 'decision')],
          next_cursor: 'page2',
        });
      }),
    );
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const open = (url: string) => {
    const router = createMemoryRouter([{ path: '/knowledge/:channelId/facts', element: <FactsExplorer /> }], {
      initialEntries: [url],
    });
    render(<RouterProvider router={router} />);
    return router;
  };

  it('sends the applied filters to the API and keeps them in the URL', async () => {
    const router = open('/knowledge/C1/facts');
    await screen.findByText('Fact f1');
    expect(urls[0].pathname).toBe('/api/channels/C1/facts');
    expect(urls[0].searchParams.get('type')).toBeNull();

    fireEvent.click(screen.getByLabelText('decision'));
    fireEvent.click(screen.getByLabelText('question'));
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: 'postgres' } });
    fireEvent.change(screen.getByLabelText('To (UTC day, included)'), { target: { value: '2025-03-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(urls).toHaveLength(2));
    expect(Object.fromEntries(urls[1].searchParams)).toEqual({
      limit: '25',
      type: 'decision,question',
      q: 'postgres',
      to: '2025-04-01',
    });
    expect(router.state.location.search).toBe('?type=decision%2Cquestion&q=postgres&to=2025-03-31');
  });

  it('pages with the cursor the API gave, keeping the filters', async () => {
    open('/knowledge/C1/facts?type=decision');
    await screen.findByText('Fact f1');
    fireEvent.click(screen.getByRole('button', { name: 'Load more facts' }));
    await screen.findByText('Fact f3');
    expect(urls[1].searchParams.get('cursor')).toBe('page2');
    expect(urls[1].searchParams.get('type')).toBe('decision');
    expect(screen.getAllByRole('article').map((card) => card.querySelector('p')?.textContent)).toEqual([
      'Fact f1',
      'Fact f2',
      'Fact f3',
    ]);
    expect(screen.queryByRole('button', { name: 'Load more facts' })).toBeNull();
  });

  it('links a superseded fact to what replaced it', async () => {
    open('/knowledge/C1/facts');
    const link = await screen.findByRole('link', { name: 'Replaced by a later fact →' });
    expect(link.getAttribute('href')).toBe('/knowledge/C1/facts/f3');
  });

  it('refuses a day range that ends before it starts without asking the API', async () => {
    open('/knowledge/C1/facts');
    await screen.findByText('Fact f1');
    fireEvent.change(screen.getByLabelText('From (UTC day)'), { target: { value: '2025-03-10' } });
    fireEvent.change(screen.getByLabelText('To (UTC day, included)'), { target: { value: '2025-03-01' } });
    expect(screen.getByRole('alert').textContent).toMatch(/must not be after/);
    expect((screen.getByRole('button', { name: 'Apply filters' }) as HTMLButtonElement).disabled).toBe(true);
    expect(urls).toHaveLength(1);
  });
});
