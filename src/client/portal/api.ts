import { ERROR_MESSAGES } from '../../shared/errors.ts';
import type { Locale } from '../../shared/locale.ts';
import { ApiError, apiWithCsrf } from '../api/client.ts';

/** The portal session's CSRF token (from `GET /api/portal/me`); the staff token is never sent from here. */
let portalCsrfToken: string | null = null;

export function setPortalCsrfToken(token: string | null): void {
  portalCsrfToken = token;
}

/** The portal session's CSRF token, for writes the JSON helpers cannot make (uploads). */
export const portalCsrf = (): string | null => portalCsrfToken;

/** The JSON API for the customer portal: the `qiao_portal` cookie and the portal's own CSRF token. */
export const portalApi = apiWithCsrf(portalCsrf);

/**
 * An error in the portal's current language. A signed-in customer's calls are answered in the language
 * of their account, which may differ from the one they just picked here, so known codes are re-localised
 * from the shared table.
 */
export function portalErrorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) {
    if (Object.hasOwn(ERROR_MESSAGES, error.code)) {
      return ERROR_MESSAGES[error.code as keyof typeof ERROR_MESSAGES][locale];
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}
