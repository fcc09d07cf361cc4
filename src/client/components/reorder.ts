/**
 * Moves one item of a list ordered by `position` one place up or down; answers the new positions of the
 * items that change (the list is renumbered 10, 20, 30, … so later inserts fit in between).
 */
export function movedPositions<T extends { id: number; position: number }>(
  list: T[],
  id: number,
  direction: -1 | 1,
): { id: number; position: number }[] {
  const sorted = [...list].sort((a, b) => a.position - b.position || a.id - b.id);
  const from = sorted.findIndex((item) => item.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= sorted.length) return [];
  const [moved] = sorted.splice(from, 1);
  if (moved) sorted.splice(to, 0, moved);
  return sorted
    .map((item, index) => ({ id: item.id, position: (index + 1) * 10, before: item.position }))
    .filter((item) => item.position !== item.before)
    .map(({ id: itemId, position }) => ({ id: itemId, position }));
}

export const byPosition = <T extends { id: number; position: number }>(a: T, b: T) =>
  a.position - b.position || a.id - b.id;
