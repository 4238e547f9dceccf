/** An answer in the API's error envelope `{"error": {code, message, details}}`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The problems a 400 VALIDATION_ERROR lists (`details.problems`, or the message alone). */
  get problems(): string[] {
    const problems = this.details.problems;
    if (Array.isArray(problems)) return problems.map(String);
    return [this.message];
  }
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } };
    if (body.error?.code) {
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message ?? body.error.code,
        body.error.details ?? {},
      );
    }
  } catch {
    // Not the envelope (a proxy's page): the status alone tells what happened.
  }
  return new ApiError(response.status, `HTTP_${response.status}`, text.slice(0, 200) || response.statusText);
}
