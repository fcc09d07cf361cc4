import type { ComplaintDetail } from '../../../shared/schemas/complaints.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/** The people of SPEC §2: a complaint specialist, a quality engineer, the general manager and a service manager. */
export async function complaintTeam(t: TestApp) {
  const [specialist, quality, executive, manager] = await Promise.all([
    buildUser(t, { roles: ['complaint_specialist'] }),
    buildUser(t, { roles: ['quality'] }),
    buildUser(t, { roles: ['executive'] }),
    buildUser(t, { roles: ['service_manager'] }),
  ]);
  return { specialist, quality, executive, manager };
}

/** Completes a step of the complaint flow; the test reads the answer. */
export async function step(client: ApiClient, id: number, name: string, body: Record<string, unknown>) {
  return client.post<ComplaintDetail>(`/api/v1/complaints/${id}/steps/${name}`, body);
}

export const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
