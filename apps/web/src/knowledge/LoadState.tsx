import type { ReactNode } from 'react';
import type { Loaded } from './use-load';

/** What a page shows while its data loads or when it failed; the content once it is there. */
export function LoadState<T>({
  loaded,
  children,
  what,
}: {
  loaded: Loaded<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (loaded.state === 'loading')
    return (
      <p className="kn-muted" role="status">
        Loading {what}…
      </p>
    );
  if (loaded.state === 'error')
    return (
      <p className="kn-error" role="alert">
        Could not load {what}: {loaded.error.message}
        {loaded.error.code ? ` (${loaded.error.code})` : ''}
      </p>
    );
  return <>{children(loaded.data)}</>;
}
