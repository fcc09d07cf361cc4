import { isMessageKey } from '../../i18n/catalogue.ts';
import type { Translate } from '../../i18n/context.ts';

export const ENTITY_TYPES = [
  'user',
  'role',
  'department',
  'organisation',
  'number_pattern',
  'calendar',
  'api_token',
];

export const ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.password_changed',
  'user.create',
  'user.update',
  'role.create',
  'role.update',
  'role.delete',
  'department.create',
  'department.update',
  'department.delete',
  'organisation.update',
  'number_pattern.update',
  'calendar.update',
  'calendar.days_replace',
  'api_token.create',
  'api_token.revoke',
];

/** Localised name of an action or entity type; unknown codes (from newer modules) show as they are. */
export function actionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function entityLabel(t: Translate, entityType: string): string {
  const key = `audit.entity.${entityType}`;
  return isMessageKey(key) ? t(key) : entityType;
}

/** Before/after values as text: null and empty as "—", lists and objects as compact JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
