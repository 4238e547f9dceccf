import { NavLink, Outlet } from 'react-router';
import { signOut } from '../auth/session-key';
import { SearchBox } from '../search/SearchBox';
import { ThemeToggle } from './ThemeToggle';

const SECTIONS = [
  { to: '/connections', label: 'Connections' },
  { to: '/channels', label: 'Channels' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/knowledge', label: 'Knowledge' },
  { to: '/ask', label: 'Ask' },
  { to: '/webhooks', label: 'Webhooks' },
];

export function Layout() {
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Atlas Sync</span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to}>{section.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox />
        <div className="top-actions">
          <ThemeToggle />
          <button type="button" className="secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
