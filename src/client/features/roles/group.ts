import type { Locale, Localised } from '../../../shared/locale.ts';
import type { PermissionCatalogue } from '../../api/roles.ts';

export interface PermissionGroup {
  module: string;
  label: Localised;
  permissions: { key: string; label: Localised }[];
}

/** Permissions under their modules, both in catalogue order. */
export function groupPermissions(catalogue: PermissionCatalogue): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const [module, label] of Object.entries(catalogue.modules)) {
    groups.set(module, { module, label, permissions: [] });
  }
  for (const p of catalogue.permissions) {
    let group = groups.get(p.module);
    if (!group) {
      group = {
        module: p.module,
        label: { 'zh-CN': p.module, 'zh-TW': p.module, en: p.module },
        permissions: [],
      };
      groups.set(p.module, group);
    }
    group.permissions.push({ key: p.key, label: p.label });
  }
  return [...groups.values()].filter((g) => g.permissions.length > 0);
}

/** Groups narrowed to permissions whose label (any language) or key contains `text`. */
export function filterGroups(groups: PermissionGroup[], text: string, locale: Locale): PermissionGroup[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return groups;
  return groups
    .map((g) => {
      const moduleHit = g.label[locale].toLowerCase().includes(needle);
      return {
        ...g,
        permissions: moduleHit
          ? g.permissions
          : g.permissions.filter(
              (p) =>
                p.key.includes(needle) ||
                Object.values(p.label).some((l) => l.toLowerCase().includes(needle)),
            ),
      };
    })
    .filter((g) => g.permissions.length > 0);
}
