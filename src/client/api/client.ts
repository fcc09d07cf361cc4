import type { Locale, Localised } from '../../shared/locale.ts';

/** A field-level problem the server reported (field like `body.email` or `email`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Any non-2xx answer of the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field issues from `details.issues`, or the single `details.field` of a conflict. */
  get issues(): FieldIssue[] {
    const details = this.details;
    if (!details || typeof details !== 'object') return [];
    const issues: FieldIssue[] = [];
    if ('issues' in details && Array.isArray(details.issues)) {
      for (const issue of details.issues as unknown[]) {
        if (issue && typeof issue === 'object' && 'field' in issue && typeof issue.field === 'string') {
          const message = 'message' in issue && typeof issue.message === 'string' ? issue.message : '';
          issues.push({ field: issue.field, message });
        }
      }
    }
    if ('field' in details && typeof details.field === 'string') {
      issues.push({ field: details.field, message: this.message });
    }
    return issues;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

const LOCAL_ERRORS: Record<'NETWORK' | 'HTTP', Localised> = {
  NETWORK: {
    'zh-CN': '无法连接服务器，请检查网络后重试',
    'zh-TW': '無法連線伺服器，請檢查網路後再試',
    en: 'Cannot reach the server; check the connection and retry',
  },
  HTTP: {
    'zh-CN': '服务器返回了意外的响应',
    'zh-TW': '伺服器傳回了非預期的回應',
    en: 'The server sent an unexpected response',
  },
};

let csrfToken: string | null = null;
let requestLocale: Locale = 'zh-CN';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Where the CSRF token for writes comes from; the staff session's token unless told otherwise. */
  csrf?: () => string | null;
  headers?: Record<string, string>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': requestLocale,
    ...options.headers,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = options.csrf ? options.csrf() : csrfToken;
  if (UNSAFE.has(method) && token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', LOCAL_ERRORS.NETWORK[requestLocale]);
  }
  const text = await response.text();
  if (!response.ok) throw errorFromAnswer(response.status, text);
  return parseJson(text) as T;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The ApiError for a non-2xx answer: the server's `{ error: { code, message, details } }` when it sent one. */
export function errorFromAnswer(status: number, text: string): ApiError {
  const error = (
    parseJson(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined
  )?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    return new ApiError(status, error.code, message, error.details);
  }
  if (status === 0) return new ApiError(0, 'NETWORK', LOCAL_ERRORS.NETWORK[requestLocale]);
  return new ApiError(status, `HTTP_${status}`, LOCAL_ERRORS.HTTP[requestLocale]);
}

/**
 * Headers for a write the JSON helpers cannot make (a multipart upload): the UI language and the CSRF
 * token (the staff session's unless told otherwise). No content-type: the browser sets the boundary.
 */
export function writeHeaders(csrf?: () => string | null): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': requestLocale };
  const token = csrf ? csrf() : csrfToken;
  if (token) headers['x-csrf-token'] = token;
  return headers;
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; intranet installs may run on http). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keys of creates whose outcome the client never learnt, by path and body: retrying the same submission reuses its key. */
const unsettledCreates = new Map<string, string>();

/** No answer, or an answer that does not say the create failed for good: the same submission may retry with its key. */
function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500 || error.code === 'IDEMPOTENCY_IN_PROGRESS';
}

/**
 * POST that creates a record, with an `Idempotency-Key` (server: src/server/http/idempotency.ts). Each
 * new submission gets a fresh key; when the user submits the same thing again after a network error (or
 * a 5xx, or while the first is still running) the key is reused, so the server answers the first result
 * instead of creating a duplicate.
 */
async function create<T>(path: string, body: unknown, csrf?: () => string | null): Promise<T> {
  const sent = body ?? {};
  const submission = `${path}\n${JSON.stringify(sent)}`;
  const key = unsettledCreates.get(submission) ?? newIdempotencyKey();
  unsettledCreates.set(submission, key);
  try {
    const answer = await request<T>('POST', path, {
      body: sent,
      headers: { 'idempotency-key': key },
      ...(csrf ? { csrf } : {}),
    });
    unsettledCreates.delete(submission);
    return answer;
  } catch (error) {
    if (!outcomeUnknown(error)) unsettledCreates.delete(submission);
    throw error;
  }
}

/** The JSON API: same-origin cookies, CSRF token on writes, the UI language on every call. */
export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  /** POST to a create endpoint: idempotent across the user's retries (see `create`). */
  create: <T>(path: string, body?: unknown) => create<T>(path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * The same JSON API with the CSRF token taken from elsewhere: the customer portal has its own session
 * cookie and its own token (from `GET /api/portal/me`), never the staff one.
 */
export function apiWithCsrf(csrf: () => string | null): typeof api {
  return {
    get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
      request<T>('GET', path, { csrf, ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, { csrf, body: body ?? {} }),
    create: <T>(path: string, body?: unknown) => create<T>(path, body, csrf),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, { csrf, body }),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { csrf, body }),
    delete: <T>(path: string) => request<T>('DELETE', path, { csrf }),
  };
}
