/**
 * Light and dark follow the system (prefers-color-scheme) until the person picks one with the toggle;
 * the pick is kept in localStorage: unlike the API key it is no secret and may outlive the tab.
 */
export type Theme = 'light' | 'dark' | 'system';
const STORAGE_KEY = 'atlas.theme';

export function storedTheme(): Theme {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function setTheme(theme: Theme): void {
  if (theme === 'system') localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, theme);
  applyStoredTheme();
}

export function applyStoredTheme(): void {
  const theme = storedTheme();
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
