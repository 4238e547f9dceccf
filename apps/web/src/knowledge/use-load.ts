import { useEffect, useState } from 'react';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: Error & { code?: string } } | { state: 'ready'; data: T };

/** Loads what `load` returns whenever `key` changes; an answer to an outdated key is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<T> }>({ key, value: { state: 'loading' } });
  useEffect(() => {
    let current = true;
    setLoaded({ key, value: { state: 'loading' } });
    load().then(
      (data) => current && setLoaded({ key, value: { state: 'ready', data } }),
      (error: Error) => current && setLoaded({ key, value: { state: 'error', error } }),
    );
    return () => {
      current = false;
    };
    // `key` names everything `load` reads.
  }, [key]);
  return loaded.key === key ? loaded.value : { state: 'loading' };
}
