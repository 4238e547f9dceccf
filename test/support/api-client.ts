/** A file part of a multipart form (`field` defaults to `file`). */
export interface FormFile {
  name: string;
  content: Buffer | string;
  field?: string;
}

/** A small HTTP client for the Atlas API, answering status and parsed JSON body. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string | null,
  ) {}

  withKey(apiKey: string | null): ApiClient {
    return new ApiClient(this.baseUrl, apiKey);
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request('POST', path, { json: body });
  }

  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request('PUT', path, { json: body });
  }

  /** POST as a browser form would send it: multipart/form-data with text fields and files. */
  postForm<T = any>(path: string, files: FormFile[], fields: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files) {
      form.append(file.field ?? 'file', new Blob([file.content as Uint8Array<ArrayBuffer> | string]), file.name);
    }
    return this.request('POST', path, { form });
  }

  delete<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request('DELETE', path);
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { json?: unknown; raw?: string; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    let body: string | FormData | undefined = options.form;
    if (options.raw !== undefined) body = options.raw;
    else if (options.json !== undefined) body = JSON.stringify(options.json);
    // fetch sets a form's content type itself, with its boundary.
    if (body !== undefined && options.form === undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
}
