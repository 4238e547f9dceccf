import { sessionKey, signOut } from '../auth/session-key';
import { apiErrorFrom, ApiError } from './api-error';

type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * One request to the API with the tab's key in the Authorization header. An answer in the error envelope
 * is thrown as an ApiError; a 401 also signs the tab out, so the app goes back to the sign-in page.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = sessionKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server cannot be reached.');
  }
  if (!response.ok) {
    const error = await apiErrorFrom(response);
    if (response.status === 401) signOut();
    throw error;
  }
  return (await response.json()) as T;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A file the API answered, with the name its Content-Disposition gives. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * GET a file (an export) with the tab's key. A plain link cannot send the Authorization header, so the file is
 * fetched here and saved from a Blob (saveFile); refusals are thrown as ApiErrors, as `request` does.
 */
export async function download(path: string, query: Query = {}, fallbackName = 'download'): Promise<DownloadedFile> {
  const headers: Record<string, string> = {};
  const key = sessionKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { headers });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The server cannot be reached.');
  }
  if (!response.ok) {
    const error = await apiErrorFrom(response);
    if (response.status === 401) signOut();
    throw error;
  }
  return {
    blob: await response.blob(),
    fileName: attachmentName(response.headers.get('content-disposition')) ?? fallbackName,
  };
}

/** `attachment; filename="general-wiki.zip"` → `general-wiki.zip`. */
export function attachmentName(disposition: string | null): string | null {
  const name = disposition ? /filename="([^"]+)"/.exec(disposition)?.[1] : undefined;
  return name ? name.replace(/[/\\]/g, '_') : null;
}

const BLOB_URL_LIFETIME_MS = 30_000;

/** Hands a downloaded file to the browser's save dialog or downloads folder. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the Blob after the click returns: it is released a little later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
}
