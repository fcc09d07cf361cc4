import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/** 营业部 (files and disposes), 仓储 (receives), 品保部 (inspects), and the approvers of compensations. */
export async function returnsCast(t: TestApp) {
  const [sales, warehouse, quality, manager] = await Promise.all([
    buildUser(t, { roles: ['complaint_specialist'] }),
    buildUser(t, { roles: ['warehouse'] }),
    buildUser(t, { roles: ['quality'] }),
    buildUser(t, { roles: ['service_manager'] }),
  ]);
  return { sales, warehouse, quality, manager };
}
