import type { CapaActionView, CapaDetail } from '../../../shared/schemas/capas.ts';
import type { ApiClient } from '../../test/api-client.ts';

/** Action due dates far ahead, so only the escalation test's own dates are ever overdue. */
export const FAR_DUE = '2099-12-31';

export function capaBody(extra: Record<string, unknown> = {}) {
  return {
    source: 'internal',
    title: '包装箱受潮导致纸箱塌陷',
    problem: '11 月出货的 3 批次纸箱在仓库受潮，运输中塌陷',
    ...extra,
  };
}

export async function createCapa(client: ApiClient, extra: Record<string, unknown> = {}) {
  const res = await client.post<CapaDetail>('/api/v1/capas', capaBody(extra));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function addAction(client: ApiClient, capaId: number, extra: Record<string, unknown> = {}) {
  const res = await client.post<CapaActionView>(`/api/v1/capas/${capaId}/actions`, {
    kind: 'corrective',
    description: '仓库加装除湿机，纸箱离地存放',
    dueDate: FAR_DUE,
    ...extra,
  });
  if (res.status !== 201) throw new Error(`action failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A CAPA in progress: root cause recorded, one action, started. */
export async function startedCapa(client: ApiClient, extra: Record<string, unknown> = {}) {
  const capa = await createCapa(client, { rootCause: '仓库无温湿度控制', ...extra });
  const action = await addAction(client, capa.id);
  const started = await client.post<CapaDetail>(`/api/v1/capas/${capa.id}/start`);
  if (started.status !== 200) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  return { capa: started.body, action };
}
