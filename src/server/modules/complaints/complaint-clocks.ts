import type { Database } from '../../db/database.ts';

/** Each complaint step's own clock: 预警 before its due time, escalation when it passes (being built). */
export async function checkComplaintClocks(
  _db: Database,
  _now = new Date(),
): Promise<{ warned: number; breached: number }> {
  return { warned: 0, breached: 0 };
}
