import { FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { signIn, signOut } from './session-key';

/**
 * Sign-in with an API key: it is tried on the API before it is kept, and kept for this tab only
 * (sessionStorage), never in the URL.
 */
export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signIn(key.trim());
    try {
      await api.connections();
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/sign-in' ? from : '/connections', { replace: true });
    } catch (caught) {
      signOut();
      setError(
        caught instanceof ApiError && caught.status === 401
          ? 'This key is not accepted. Use the key `npm start` printed, or the one in data/api-key.'
          : (caught as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>Atlas Sync</h1>
      <form onSubmit={submit} className="card" aria-describedby={error ? 'sign-in-error' : undefined}>
        <h2>Sign in</h2>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="current-password"
          required
          minLength={16}
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
        <p className="hint">Kept for this browser tab only. `npm start` prints it at the first start (data/api-key).</p>
        {error && (
          <p id="sign-in-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
