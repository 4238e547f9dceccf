import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WikiVersions } from './WikiVersions';

const MARKDOWN: Record<string, string> = {
  '1': '# Billing\n\nOwner: Ana.\n',
  '2': '# Billing\n\nOwner: Bo.\n',
  '3': '# Billing\n\nOwner: Bo.\nLaunch on Friday.\n',
};

function serve(versions: number[]) {
  const urls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://app');
      urls.push(url);
      const body = url.pathname.endsWith('/versions')
        ? {
            slug: 'billing',
            versions: versions.map((version) => ({
              version,
              content_hash: `h${version}`,
              job_id: `sync_${version}`,
              created_at: `2025-03-0${version}T00:00:00.000Z`,
            })),
          }
        : {
            markdown: MARKDOWN[url.searchParams.get('version') ?? ''],
            version: Number(url.searchParams.get('version')),
          };
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
  return urls;
}

const open = (url: string) => {
  const router = createMemoryRouter(
    [{ path: '/knowledge/:channelId/wiki/:slug/versions', element: <WikiVersions /> }],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return router;
};

describe('WikiVersions', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('compares the previous version with the latest unless told otherwise', async () => {
    const urls = serve([3, 2, 1]);
    open('/knowledge/C1/wiki/billing/versions');
    await screen.findByText('1 line added, 0 removed');
    const asked = urls.filter((url) => url.pathname === '/api/wiki/C1/pages/billing').map((url) => url.search);
    expect(asked.sort()).toEqual(['?version=2', '?version=3']);
    expect(document.querySelector('ins')?.textContent).toContain('Launch on Friday.');
  });

  it('compares the versions picked, and keeps the pick in the URL', async () => {
    serve([3, 2, 1]);
    const router = open('/knowledge/C1/wiki/billing/versions');
    await screen.findByText('1 line added, 0 removed');
    fireEvent.change(screen.getByLabelText('From version'), { target: { value: '1' } });
    await screen.findByText('2 lines added, 1 removed');
    expect(document.querySelector('del')?.textContent).toContain('Owner: Ana.');
    await waitFor(() => expect(router.state.location.search).toBe('?from=1'));
  });

  it('says there is nothing to compare for a page with one version', async () => {
    serve([1]);
    open('/knowledge/C1/wiki/billing/versions');
    await screen.findByText(/one version so far/);
    expect(screen.queryByLabelText('From version')).toBeNull();
  });
});
