import type { DepartmentView } from '../../api/types.ts';

export interface DepartmentNode {
  key: number;
  value: number;
  title: string;
  department: DepartmentView;
  disabled?: boolean;
  children?: DepartmentNode[];
}

/** Every id below `id` (its sub-departments, their sub-departments, …). */
export function descendantsOf(id: number, departments: DepartmentView[]): Set<number> {
  const found = new Set<number>();
  const walk = (parent: number) => {
    for (const d of departments) {
      if (d.parentId === parent && !found.has(d.id)) {
        found.add(d.id);
        walk(d.id);
      }
    }
  };
  walk(id);
  return found;
}

/**
 * The department tree for antd Tree / TreeSelect. `disableIds` greys out choices (a department cannot
 * move under itself or its own sub-departments).
 */
export function departmentTree(departments: DepartmentView[], disableIds?: Set<number>): DepartmentNode[] {
  const ids = new Set(departments.map((d) => d.id));
  const byParent = new Map<number | null, DepartmentView[]>();
  for (const d of departments) {
    const parent = d.parentId !== null && ids.has(d.parentId) ? d.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(d);
    byParent.set(parent, list);
  }
  const build = (parent: number | null): DepartmentNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((d) => {
        const children = build(d.id);
        return {
          key: d.id,
          value: d.id,
          title: d.name,
          department: d,
          ...(disableIds?.has(d.id) ? { disabled: true } : {}),
          ...(children.length > 0 ? { children } : {}),
        };
      });
  return build(null);
}
