import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, isUniqueViolation, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';

/**
 * The one write path of the configuration tables (types, categories, fields, SLA policies): load the
 * current row, write, reload, audit — in one transaction; a duplicate code is CODE_TAKEN.
 */
export async function writeConfig<T extends object>(
  db: Database,
  ctx: RequestContext,
  entity: { type: string; id: number | null; label: (row: T) => string },
  load: (trx: Kysely<DB>, id: number) => Promise<T | undefined>,
  write: (trx: Kysely<DB>) => Promise<number>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = entity.id ? await load(trx, entity.id) : undefined;
      if (entity.id && !before) throw notFound();
      const id = await write(trx);
      const after = (await load(trx, id))!;
      await recordAudit(trx, ctx, {
        action: `${entity.type}.${entity.id ? 'update' : 'create'}`,
        entityType: entity.type,
        entityId: id,
        entityLabel: entity.label(after),
        before: before ?? {},
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CODE_TAKEN', { field: 'code' });
    throw error;
  }
}
