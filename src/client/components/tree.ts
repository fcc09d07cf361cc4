export interface TreeItem {
  id: number;
  parentId: number | null;
}

export interface TreeNode<T> {
  key: number;
  value: number;
  title: string;
  item: T;
  disabled?: boolean;
  children?: TreeNode<T>[];
}

/** Every id below `id` in a parent/child list. */
export function descendantIds(id: number, items: TreeItem[]): Set<number> {
  const found = new Set<number>();
  const walk = (parent: number) => {
    for (const item of items) {
      if (item.parentId === parent && !found.has(item.id)) {
        found.add(item.id);
        walk(item.id);
      }
    }
  };
  walk(id);
  return found;
}

/** A parent/child list as antd Tree / TreeSelect data, siblings in `order`. */
export function buildTree<T extends TreeItem>(
  items: T[],
  title: (item: T) => string,
  order: (a: T, b: T) => number,
  disable?: Set<number>,
): TreeNode<T>[] {
  const ids = new Set(items.map((i) => i.id));
  const byParent = new Map<number | null, T[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), item]);
  }
  const build = (parent: number | null): TreeNode<T>[] =>
    [...(byParent.get(parent) ?? [])].sort(order).map((item) => {
      const children = build(item.id);
      return {
        key: item.id,
        value: item.id,
        title: title(item),
        item,
        ...(disable?.has(item.id) ? { disabled: true } : {}),
        ...(children.length > 0 ? { children } : {}),
      };
    });
  return build(null);
}
