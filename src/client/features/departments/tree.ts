import type { DepartmentView } from '../../api/types.ts';
import { buildTree, descendantIds, type TreeNode } from '../../components/tree.ts';

export type DepartmentNode = TreeNode<DepartmentView>;

/** Every id below `id` (its sub-departments, their sub-departments, …). */
export const descendantsOf = (id: number, departments: DepartmentView[]): Set<number> =>
  descendantIds(id, departments);

/**
 * The department tree for antd Tree / TreeSelect, siblings by code. `disableIds` greys out choices (a
 * department cannot move under itself or its own sub-departments).
 */
export const departmentTree = (departments: DepartmentView[], disableIds?: Set<number>): DepartmentNode[] =>
  buildTree(
    departments,
    (d) => d.name,
    (a, b) => a.code.localeCompare(b.code),
    disableIds,
  );
