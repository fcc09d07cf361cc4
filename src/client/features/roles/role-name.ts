import { useCallback } from 'react';
import { DEFAULT_ROLES } from '../../../shared/default-roles.ts';
import { useI18n } from '../../i18n/context.ts';

const DEFAULTS = new Map(DEFAULT_ROLES.map((r) => [r.code, r.name]));

/**
 * A role's name in the reader's language: default roles are stored with their Simplified Chinese name, so
 * while an administrator has not renamed one it shows in the user's language; renamed and custom roles
 * show as named.
 */
export function useRoleName(): (role: { code: string; name: string }) => string {
  const { locale } = useI18n();
  return useCallback(
    (role) => {
      const names = DEFAULTS.get(role.code);
      return names && names['zh-CN'] === role.name ? names[locale] : role.name;
    },
    [locale],
  );
}
