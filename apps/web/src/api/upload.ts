import { sessionKey, signOut } from '../auth/session-key';
import { ApiError } from './api-error';
import type { ImportAnswer } from './types';

export type { ImportAnswer };

/**
 * POST /api/imports as multipart/form-data. XMLHttpRequest rather than fetch: only it reports upload
 * progress, which a file of hundreds of MiB needs.
 */
export function uploadExport(
  file: File,
  fields: Record<string, string>,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<ImportAnswer>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportAnswer>((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) if (value !== '') form.append(name, value);
    form.append('file', file);
    xhr.open('POST', '/api/imports');
    const key = sessionKey();
    if (key) xhr.setRequestHeader('Authorization', `Bearer ${key}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: { error?: { code: string; message: string; details?: Record<string, unknown> } } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as unknown as ImportAnswer);
      if (xhr.status === 401) signOut();
      const error = body?.error;
      reject(
        new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? xhr.statusText, error?.details),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The upload was interrupted.'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'The upload was cancelled.'));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
