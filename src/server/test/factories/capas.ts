import type {
  CapaActionView,
  CapaDetail,
  capaActionCreate,
  capaCreate,
} from '../../../shared/schemas/capas.ts';
import type { ApiClient } from '../api-client.ts';
import type { TestApp } from '../test-app.ts';
import { type Input, send } from './api.ts';

/** CAPA reports and their actions. */

/** Action due dates far ahead, so only a test's own dates are ever overdue. */
export const FAR_DUE = '2099-12-31';

/** The body of a standalone CAPA report (packaging damaged by damp); loose, so a test may send what the form would refuse. */
export function capaBody(extra: Record<string, unknown> = {}) {
  return {
    source: 'internal',
    title: '包装箱受潮导致纸箱塌陷',
    problem: '11 月出货的 3 批次纸箱在仓库受潮，运输中塌陷',
    ...extra,
  };
}

export type CapaSpec = Partial<Input<typeof capaCreate>> & {
  /** Who raises it: the administrator by default. */
  client?: ApiClient;
  /** Started: a root cause, one corrective action (the detail's `actions[0]`), and in progress. */
  start?: boolean;
};

/** A CAPA report raised through the API; `start: true` takes it to in progress. */
export async function buildCapa(t: TestApp, spec: CapaSpec = {}): Promise<CapaDetail> {
  const { client, start, ...input } = spec;
  const capa = await send<CapaDetail>(
    t,
    client,
    '/api/v1/capas',
    capaBody({ ...(start ? { rootCause: '仓库无温湿度控制' } : {}), ...input }),
  );
  if (!start) return capa;
  await buildCapaAction(t, { client, capaId: capa.id });
  return send<CapaDetail>(t, client, `/api/v1/capas/${capa.id}/start`, {}, 200);
}

/** An action of a CAPA: corrective, due far ahead, unless told otherwise. */
export async function buildCapaAction(
  t: TestApp,
  spec: { capaId: number; client?: ApiClient } & Partial<Input<typeof capaActionCreate>>,
): Promise<CapaActionView> {
  const { capaId, client, ...input } = spec;
  return send<CapaActionView>(t, client, `/api/v1/capas/${capaId}/actions`, {
    kind: 'corrective',
    description: '仓库加装除湿机，纸箱离地存放',
    dueDate: FAR_DUE,
    ...input,
  });
}
