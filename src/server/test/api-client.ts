import type { GetRoutes, PostRoutes } from './api-routes.ts';

/** A browser-like client for API tests through the real HTTP server: keeps the session cookie and sends the CSRF token. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A file sent as `multipart/form-data`, as the upload fields of the screens send it. */
export interface UploadFile {
  name: string;
  bytes: Buffer | Uint8Array | string;
  /** The content type the browser would claim; none by default (the server sniffs the bytes). */
  type?: string;
}

export interface ApiClient {
  baseUrl: string;
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  /** A common resource (api-routes.ts) answers its typed view; any other path `T` (unknown by default). */
  get<P extends keyof GetRoutes>(path: P): Promise<ApiResponse<GetRoutes[P]>>;
  get<T = unknown>(path: string): Promise<ApiResponse<T>>;
  post<P extends keyof PostRoutes>(path: P, body?: unknown): Promise<ApiResponse<PostRoutes[P]>>;
  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string): Promise<ApiResponse<T>>;
  /** POSTs a file (and form fields before it) as the upload fields of the screens do. */
  upload<T = unknown>(
    path: string,
    file: UploadFile,
    options?: { fields?: Record<string, string>; timeoutMs?: number },
  ): Promise<ApiResponse<T>>;
  /** GETs a file (export, attachment) as bytes. */
  download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }>;
  login(login: string, password: string): Promise<ApiResponse>;
  /** Authenticate with a bearer token instead of the cookie. */
  useToken(token: string): void;
  cookie: string | undefined;
  csrfToken: string | undefined;
}

export function apiClient(baseUrl: string, options: { locale?: string } = {}): ApiClient {
  let token: string | undefined;
  const headersFor = (method: string, extra: Record<string, string> = {}) => {
    const h: Record<string, string> = { 'accept-language': options.locale ?? 'zh-CN', ...extra };
    if (client.cookie) h.cookie = client.cookie;
    if (client.csrfToken && method !== 'GET') h['x-csrf-token'] = client.csrfToken;
    if (token) h.authorization = `Bearer ${token}`;
    return h;
  };
  const keepCookie = (res: Response) => {
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      client.cookie = pair?.endsWith('=') ? undefined : pair;
    }
  };
  const answer = async (res: Response): Promise<ApiResponse<never>> => {
    keepCookie(res);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Non-JSON responses (metrics, HTML) stay text.
    }
    return { status: res.status, body: parsed as never, headers: res.headers };
  };
  const client: ApiClient = {
    baseUrl,
    cookie: undefined,
    csrfToken: undefined,
    async request(method, path, body, headers = {}) {
      const h = headersFor(method, headers);
      if (body !== undefined) h['content-type'] = 'application/json';
      const res = await fetch(baseUrl + path, {
        method,
        headers: h,
        // A hung request fails the test with its path instead of a bare timeout.
        signal: AbortSignal.timeout(15_000),
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      return answer(res);
    },
    get: (path: string) => client.request<never>('GET', path),
    post: (path: string, body?: unknown) => client.request<never>('POST', path, body ?? {}),
    patch: (path, body) => client.request('PATCH', path, body ?? {}),
    put: (path, body) => client.request('PUT', path, body ?? {}),
    delete: (path) => client.request('DELETE', path),
    async upload(path, file, { fields = {}, timeoutMs = 15_000 } = {}) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
      form.append('file', new Blob([new Uint8Array(bytes)], file.type ? { type: file.type } : {}), file.name);
      const res = await fetch(baseUrl + path, {
        method: 'POST',
        headers: headersFor('POST'),
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return answer(res);
    },
    async download(path) {
      const res = await fetch(baseUrl + path, {
        headers: headersFor('GET'),
        signal: AbortSignal.timeout(60_000),
      });
      keepCookie(res);
      return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
    },
    async login(login, password) {
      const res = await client.post('/api/auth/login', { login, password });
      if (res.status === 200) {
        const me = await client.get('/api/auth/me');
        client.csrfToken = me.body.csrfToken ?? undefined;
      }
      return res;
    },
    useToken(value) {
      token = value;
      client.cookie = undefined;
      client.csrfToken = undefined;
    },
  };
  return client;
}
