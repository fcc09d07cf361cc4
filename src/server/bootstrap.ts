import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DEFAULT_ROLES } from '../shared/default-roles.ts';
import { DEFAULT_TICKET_TYPES } from '../shared/tickets/ticket-status.ts';
import type { Database } from './db/database.ts';
import { ensureDefaultApprovalRoutes } from './modules/approvals/approval-routes.service.ts';
import { ensureDefaultCalendar } from './modules/calendar/calendar.service.ts';
import { readOrganisation } from './modules/organisation/organisation.queries.ts';
import { DEFAULT_SLA_TARGETS } from './modules/tickets/sla.ts';
import { countUsers } from './modules/users/users.queries.ts';
import { createUser } from './modules/users/users.service.ts';

export interface FirstAdmin {
  login: string;
  /** Set only when Qiao generated it: printed once, to be changed at first sign-in. */
  generatedPassword?: string;
}

/**
 * Makes a fresh database usable: the organisation row, default roles (new catalogue permissions are
 * added to the administrator role on every start), the default calendar, default approval routes and the
 * first administrator.
 * Safe to run on every start and on several nodes at once (one advisory lock).
 */
export async function bootstrap(
  db: Database,
  admin: { email?: string; password?: string },
): Promise<FirstAdmin | null> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtext('qiao-bootstrap'))`.execute(conn);
    try {
      const org = await readOrganisation(conn);
      for (const role of DEFAULT_ROLES) {
        await conn
          .insertInto('role')
          .values({
            code: role.code,
            name: role.name['zh-CN'],
            permissions: [...role.permissions],
            is_system: true,
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .execute();
      }
      const adminRole = DEFAULT_ROLES.find((r) => r.code === 'admin')!;
      await conn
        .updateTable('role')
        .set({ permissions: [...adminRole.permissions] })
        .where('code', '=', 'admin')
        .execute();
      await ensureDefaultCalendar(conn, org.time_zone);
      await ensureDefaultApprovalRoutes(conn);
      for (const [i, type] of DEFAULT_TICKET_TYPES.entries()) {
        await conn
          .insertInto('ticket_type')
          .values({ code: type.code, label: JSON.stringify(type.label), sort_order: i })
          .onConflict((oc) => oc.column('code').doNothing())
          .execute();
      }
      const hasPolicy = await conn.selectFrom('sla_policy').select('id').limit(1).executeTakeFirst();
      if (!hasPolicy) {
        await conn
          .insertInto('sla_policy')
          .values({
            name: '标准服务响应时间',
            position: 100,
            targets: JSON.stringify(DEFAULT_SLA_TARGETS),
            clock: 'business',
          })
          .execute();
      }

      if ((await countUsers(conn)) > 0) return null;
      const adminRoleId = (
        await conn.selectFrom('role').select('id').where('code', '=', 'admin').executeTakeFirstOrThrow()
      ).id;
      const generated = admin.password ? undefined : randomBytes(9).toString('base64url');
      const username = admin.email
        ? admin.email.split('@')[0]!.replace(/[^\p{L}\p{N}._-]/gu, '') || 'admin'
        : 'admin';
      await createUser(conn, null, {
        username,
        displayName: '系统管理员',
        email: admin.email ?? null,
        locale: org.default_locale,
        roleIds: [adminRoleId],
        password: admin.password ?? generated!,
        mustChangePassword: !!generated,
      });
      return { login: admin.email ?? username, ...(generated ? { generatedPassword: generated } : {}) };
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext('qiao-bootstrap'))`.execute(conn);
    }
  });
}
