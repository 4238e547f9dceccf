import { PlatformError } from '../platform-error';
import { importFailure } from './import-failure';
import { decodeOpaqueToken, encodeOpaqueToken } from '../opaque-token';

/** A page of an imported channel: the rows from `position` on, in a file that has not changed since. */
export interface ImportPagePosition {
  /** Index of the page's first row among all rows of the channel's files, in file order. */
  position: number;
  /** The files as they were when the token was written (names, sizes, modification times). */
  fingerprint: string;
}

const TOKEN_VERSION = 1;

export function encodeImportPageToken(position: ImportPagePosition): string {
  return encodeOpaqueToken({ v: TOKEN_VERSION, p: position.position, f: position.fingerprint });
}

export function decodeImportPageToken(token: string): ImportPagePosition {
  const { v, p, f } = decodeOpaqueToken(token) ?? {};
  if (v !== TOKEN_VERSION || !Number.isInteger(p) || (p as number) < 0 || typeof f !== 'string') throw invalidToken();
  return { position: p as number, fingerprint: f };
}

/** Row positions mean nothing in another version of the file: the fetch must start over. */
export function assertSameFiles(position: ImportPagePosition, fingerprint: string, label: string): void {
  if (position.fingerprint !== fingerprint) {
    throw importFailure(`${label} changed while it was being imported: sync the channel again`);
  }
}

function invalidToken(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The import resume token is not one this connector wrote', {
    transient: false,
  });
}
