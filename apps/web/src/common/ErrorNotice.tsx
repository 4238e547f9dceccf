import { ApiError } from '../api/api-error';

/** An API refusal as a person reads it: its message, and its code for a bug report. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  return (
    <div role="alert" className="error">
      {api ? (
        <>
          <strong>{api.code}</strong>: {api.message}
        </>
      ) : (
        String((error as Error).message ?? error)
      )}
    </div>
  );
}
