/** A browser-like client for API tests through the real HTTP server: keeps the session cookie and sends the CSRF token. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiClient {
  baseUrl: string;
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string): Promise<ApiResponse<T>>;
  login(login: string, password: string): Promise<ApiResponse>;
  /** Authenticate with a bearer token instead of the cookie. */
  useToken(token: string): void;
  cookie: string | undefined;
  csrfToken: string | undefined;
}

export function apiClient(baseUrl: string, options: { locale?: string } = {}): ApiClient {
  let token: string | undefined;
  const client: ApiClient = {
    baseUrl,
    cookie: undefined,
    csrfToken: undefined,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { 'accept-language': options.locale ?? 'zh-CN', ...headers };
      if (body !== undefined) h['content-type'] = 'application/json';
      if (client.cookie) h.cookie = client.cookie;
      if (client.csrfToken && method !== 'GET') h['x-csrf-token'] = client.csrfToken;
      if (token) h.authorization = `Bearer ${token}`;
      const res = await fetch(baseUrl + path, {
        method,
        headers: h,
        // A hung request fails the test with its path instead of a bare timeout.
        signal: AbortSignal.timeout(15_000),
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) {
        const [pair] = setCookie.split(';');
        client.cookie = pair?.endsWith('=') ? undefined : pair;
      }
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Non-JSON responses (metrics, HTML) stay text.
      }
      return { status: res.status, body: parsed as never, headers: res.headers };
    },
    get: (path) => client.request('GET', path),
    post: (path, body) => client.request('POST', path, body ?? {}),
    patch: (path, body) => client.request('PATCH', path, body ?? {}),
    put: (path, body) => client.request('PUT', path, body ?? {}),
    delete: (path) => client.request('DELETE', path),
    async login(login, password) {
      const res = await client.post('/api/auth/login', { login, password });
      if (res.status === 200) {
        const me = await client.get<{ csrfToken: string }>('/api/auth/me');
        client.csrfToken = me.body.csrfToken;
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
