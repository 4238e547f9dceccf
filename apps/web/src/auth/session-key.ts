/**
 * The API key for this tab: sessionStorage keeps it across reloads of the tab and forgets it when the tab
 * closes; it is sent only as an Authorization header, never put in a URL (it would land in history and logs).
 */
const STORAGE_KEY = 'atlas.apiKey';

type Listener = (key: string | null) => void;
const listeners = new Set<Listener>();

export function sessionKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function signIn(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key);
  listeners.forEach((listener) => listener(key));
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener(null));
}

export function onSessionKeyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
