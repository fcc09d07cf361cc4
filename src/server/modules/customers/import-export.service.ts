import { CUSTOMER_COLUMNS } from '../../../shared/customer-columns.ts';
import type { CustomerListQuery } from '../../../shared/schemas/customers.ts';
import type { Database } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type CheckedRow, importRows } from './customer-import.ts';
import { maySeeSensitive } from './customers.policy.ts';
import { presentCustomer } from './customers.presenter.ts';
import { listCustomers } from './customers.service.ts';
import { customerCursor } from './customers-search.queries.ts';

const MAX_EXPORT = 100_000;

/** Files the checked rows of an import in one transaction (all or none); returns the new customers' ids. */
export function importCustomers(db: Database, ctx: RequestContext, rows: CheckedRow[], fileName: string) {
  return db.transaction().execute((trx) => importRows(trx, ctx, rows, fileName));
}

/**
 * The customers of a list filter as spreadsheet rows (at most 100 000), masked as for the actor, with the
 * headers in the actor's language; the export is in the audit trail.
 */
export async function exportCustomers(
  db: Database,
  ctx: RequestContext,
  filters: Omit<CustomerListQuery, 'cursor' | 'limit'>,
  format: 'xlsx' | 'csv',
) {
  const sensitive = maySeeSensitive(ctx.actor);
  const columns = CUSTOMER_COLUMNS.filter((c) => !['bankAccount', 'idNumber'].includes(c.key));
  const rows: string[][] = [];
  let cursor: string | undefined;
  while (rows.length < MAX_EXPORT) {
    const page = await listCustomers(db, ctx.actor, {
      ...filters,
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    for (const row of page.slice(0, 1000)) {
      const c = presentCustomer(row, sensitive);
      const value: Record<string, unknown> = {
        ...c,
        owner: c.owner?.name,
        advisor: c.advisor?.name,
        tags: c.tags.join('，'),
      };
      rows.push(
        columns.map((col) =>
          value[col.key] === null || value[col.key] === undefined ? '' : String(value[col.key]),
        ),
      );
    }
    if (page.length <= 1000) break;
    cursor = customerCursor(page[999]!, filters.sort);
  }
  await recordAudit(db, ctx, {
    action: 'customer.export',
    entityType: 'customer',
    entityId: null,
    after: { format, count: rows.length, filters, masked: !sensitive },
  });
  return { headers: columns.map((c) => c.header[ctx.locale]), rows };
}
