import { App, type FormInstance, type FormRule } from 'antd';
import type { z } from 'zod';
import { ERROR_MESSAGES } from '../../shared/errors.ts';
import { isLocale, type Locale } from '../../shared/locale.ts';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/context.ts';
import { errorText } from './states.tsx';

/**
 * An antd form rule from the same zod schema the API validates with. Empty values pass (whether a field
 * is required is the `required` rule's business); `message` replaces zod's text when given.
 */
export function zodRule(schema: z.ZodType, message?: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(message ?? result.error.issues[0]?.message ?? 'invalid');
    },
  };
}

function issueText(message: string, fallback: string, locale: Locale): string {
  if (Object.hasOwn(ERROR_MESSAGES, message)) {
    if (message === 'VALIDATION_FAILED') return fallback;
    return ERROR_MESSAGES[message as keyof typeof ERROR_MESSAGES][isLocale(locale) ? locale : 'zh-CN'];
  }
  return message || fallback;
}

/** `body.roleIds.0` → `roleIds`; `email` → `email`. */
function formField(path: string): string {
  const parts = path.split('.');
  if (['body', 'querystring', 'params'].includes(parts[0] ?? '')) parts.shift();
  return parts[0] ?? path;
}

/**
 * Puts the server's field errors on the matching form items and shows the overall message.
 * Returns a handler for mutation `onError`.
 */
export function useFormErrors() {
  const { message } = App.useApp();
  const { locale, t } = useI18n();
  return (form: FormInstance, error: unknown) => {
    let placed = false;
    if (error instanceof ApiError) {
      const registered = new Set(Object.keys(form.getFieldsValue()));
      const byField = new Map<string, string[]>();
      for (const issue of error.issues) {
        const name = formField(issue.field);
        if (!registered.has(name)) continue;
        const list = byField.get(name) ?? [];
        list.push(issueText(issue.message, t('common.invalidValue'), locale));
        byField.set(name, list);
      }
      if (byField.size > 0) {
        form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        placed = true;
      }
    }
    if (!placed || (error instanceof ApiError && error.code === 'VALIDATION_FAILED')) {
      void message.error(errorText(error));
    }
  };
}

/** For actions without a form: the server's message as a toast. */
export function useNotifyError() {
  const { message } = App.useApp();
  return (error: unknown) => {
    void message.error(errorText(error));
  };
}
