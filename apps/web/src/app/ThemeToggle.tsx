import { useState } from 'react';
import { setTheme, storedTheme, Theme } from './theme';

const NEXT: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' };
const LABEL: Record<Theme, string> = { system: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' };

export function ThemeToggle() {
  const [theme, setCurrent] = useState<Theme>(storedTheme);
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        setTheme(NEXT[theme]);
        setCurrent(NEXT[theme]);
      }}
      title="Switch between the system's theme, dark and light"
    >
      {LABEL[theme]}
    </button>
  );
}
