import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/context.ts';

/** `body.email` → `email`. */
function formField(path: string): string {
  const parts = path.split('.');
  if (['body', 'querystring', 'params'].includes(parts[0] ?? '')) parts.shift();
  return parts[0] ?? path;
}

/**
 * Marks the fields the server rejected. The server's per-field texts are technical (and English), so
 * each field gets a customer-friendly text in the current language instead.
 */
export function usePortalFieldErrors(texts: Partial<Record<string, MessageKey>> = {}) {
  const t = useT();
  return (form: FormInstance, error: unknown) => {
    if (!(error instanceof ApiError)) return;
    const registered = new Set(Object.keys(form.getFieldsValue()));
    const names = new Set(
      error.issues.map((issue) => formField(issue.field)).filter((n) => registered.has(n)),
    );
    if (names.size === 0) return;
    form.setFields(
      [...names].map((name) => {
        const key = texts[name];
        return { name, errors: [key ? t(key) : t('common.invalidValue')] };
      }),
    );
  };
}
