import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionKey, signIn } from '../auth/session-key';
import { ApiError } from './api-error';
import { attachmentName, download, request, withQuery } from './http';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('sends the tab key as a Bearer header, never in the URL', async () => {
    signIn('k-0123456789abcdef');
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await request('GET', '/api/channels', { query: { connection_id: 'c1' } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/channels?connection_id=c1');
    expect(url).not.toContain('k-0123456789abcdef');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer k-0123456789abcdef');
  });

  it('throws the error envelope as an ApiError with its problems', async () => {
    signIn('k-0123456789abcdef');
    const envelope = {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'name is required',
        details: { problems: ['name is required', 'config.path is required'] },
      },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(400, envelope)),
    );
    const error = await request('POST', '/api/connections', { body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VALIDATION_ERROR');
    expect((error as ApiError).problems).toEqual(['name is required', 'config.path is required']);
    expect(sessionKey()).toBe('k-0123456789abcdef');
  });

  it('signs the tab out on a 401', async () => {
    signIn('k-0123456789abcdef');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(401, { error: { code: 'UNAUTHORIZED', message: 'no', details: {} } })),
    );
    await expect(request('GET', '/api/connections')).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(sessionKey()).toBeNull();
  });
});

describe('withQuery', () => {
  it('leaves out empty parameters and encodes the others', () => {
    expect(withQuery('/api/x', { a: 'b c', empty: '', none: undefined, n: 3 })).toBe('/api/x?a=b+c&n=3');
  });
});

describe('download', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('fetches the file with the tab key in the header, named as its Content-Disposition says', async () => {
    signIn('k-0123456789abcdef');
    const zip = new Response(new Uint8Array([0x50, 0x4b, 5, 6]), {
      status: 200,
      headers: { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="general-wiki.zip"' },
    });
    const fetchMock = vi.fn(async () => zip);
    vi.stubGlobal('fetch', fetchMock);
    const file = await download('/api/wiki/C1/export', { format: 'markdown' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/wiki/C1/export?format=markdown');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer k-0123456789abcdef');
    expect(file.fileName).toBe('general-wiki.zip');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 5, 6]));
  });

  it('throws a refusal as an ApiError', async () => {
    signIn('k-0123456789abcdef');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(404, { error: { code: 'CHANNEL_NOT_FOUND', message: 'No channel', details: {} } })),
    );
    await expect(download('/api/wiki/C404/export')).rejects.toMatchObject({ status: 404, code: 'CHANNEL_NOT_FOUND' });
  });

  it('reads the file name, never a path, from Content-Disposition', () => {
    expect(attachmentName('attachment; filename="a-wiki.zip"')).toBe('a-wiki.zip');
    expect(attachmentName('attachment; filename="../x/y.zip"')).toBe('.._x_y.zip');
    expect(attachmentName(null)).toBeNull();
  });
});
