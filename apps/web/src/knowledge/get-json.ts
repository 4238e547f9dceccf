import { ApiError, apiErrorFrom } from '../api/api-error';
import { sessionKey } from '../auth/session-key';

export type QueryValue = string | number | undefined;

/** GET an API path with the tab's key; an error envelope becomes an ApiError. */
export async function getJson<T>(path: string, query: Record<string, QueryValue> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const url = params.size > 0 ? `${path}?${params}` : path;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${sessionKey() ?? ''}` } });
  } catch (error) {
    throw new ApiError(0, 'NETWORK_ERROR', `The server did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json()) as T;
}
