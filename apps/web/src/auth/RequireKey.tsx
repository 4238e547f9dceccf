import { ReactNode, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { onSessionKeyChange, sessionKey } from './session-key';

/** Pages behind the API key: without one in this tab, the sign-in page, which comes back here after. */
export function RequireKey({ children }: { children: ReactNode }) {
  const [key, setKey] = useState(sessionKey);
  const location = useLocation();
  useEffect(() => onSessionKeyChange(setKey), []);
  if (!key) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}
