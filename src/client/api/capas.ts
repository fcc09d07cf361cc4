import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CapaActionView,
  CapaAttachment,
  CapaBoard,
  CapaDetail,
  CapaSource,
  CapaStatus,
  CapaView,
  capaActionCreate,
  capaActionUpdate,
  capaCreate,
  capaUpdate,
  capaVerify,
} from '../../shared/schemas/capas.ts';
import { type UploadTask, uploadFile } from './attachments.ts';
import { api } from './client.ts';
import { useCursorList, useRecordWrite } from './cursor-list.ts';

export type { CapaActionView, CapaAttachment, CapaBoard, CapaDetail, CapaSource, CapaStatus, CapaView };
export type CapaCreateInput = z.input<typeof capaCreate>;
export type CapaPatch = z.input<typeof capaUpdate>;
export type CapaActionInput = z.input<typeof capaActionCreate>;
export type CapaActionPatch = z.input<typeof capaActionUpdate>;
export type CapaVerifyInput = z.input<typeof capaVerify>;

/** Keys start with 'capas': the server publishes that topic after every change of a report. */
const CAPAS = ['capas'] as const;
const oneKey = (id: number) => ['capas', 'one', id] as const;

export interface CapaFilter {
  status?: CapaStatus | undefined;
  source?: CapaSource | undefined;
  ownerUserId?: number | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

const query = (f: CapaFilter) => ({
  status: f.status,
  source: f.source,
  ownerUserId: f.ownerUserId,
  overdue: f.overdue ? 'true' : undefined,
  q: f.q,
});

/** The board: per status its total and newest cards (closed: the 20 most recently closed). */
export function useCapaBoard(filter: Omit<CapaFilter, 'status'>, enabled = true) {
  return useQuery({
    queryKey: ['capas', 'board', filter],
    queryFn: ({ signal }) => api.get<CapaBoard>('/api/v1/capas/board', query(filter), signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The list: 25 at a time, newest first; "load more" follows the cursor. */
export const useCapaList = (filter: CapaFilter, enabled = true) =>
  useCursorList<CapaView>({
    queryKey: ['capas', 'list', filter],
    path: '/api/v1/capas',
    query: query(filter),
    limit: 25,
    enabled,
  });

export function useCapa(id: number | undefined) {
  return useQuery({
    queryKey: oneKey(id ?? 0),
    queryFn: ({ signal }) => api.get<CapaDetail>(`/api/v1/capas/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** A write answering with the whole report: shown at once, the board and lists refreshed behind it. */
const useReportWrite = <I>(fn: (input: I) => Promise<CapaDetail>) => useRecordWrite(oneKey, [CAPAS], fn);

/** A write of one action (or file): the report is loaded again. */
function useActionWrite<I, O>(id: number, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: CAPAS }),
    onSettled: () => void client.invalidateQueries({ queryKey: oneKey(id) }),
  });
}

export const useCreateCapa = () =>
  useReportWrite((input: CapaCreateInput) => api.create<CapaDetail>('/api/v1/capas', input));

export const useUpdateCapa = (id: number) =>
  useReportWrite((patch: CapaPatch) => api.patch<CapaDetail>(`/api/v1/capas/${id}`, patch));

export type CapaTransition = 'accept' | 'start' | 'submit';
export const useCapaTransition = (id: number) =>
  useReportWrite((to: CapaTransition) => api.post<CapaDetail>(`/api/v1/capas/${id}/${to}`));

export const useDismissCapa = (id: number) =>
  useReportWrite((reason: string) => api.post<CapaDetail>(`/api/v1/capas/${id}/dismiss`, { reason }));

export const useVerifyCapa = (id: number) =>
  useReportWrite((input: CapaVerifyInput) => api.post<CapaDetail>(`/api/v1/capas/${id}/verify`, input));

export const useAddCapaAction = (id: number) =>
  useActionWrite(id, (input: CapaActionInput) =>
    api.create<CapaActionView>(`/api/v1/capas/${id}/actions`, input),
  );

export const useUpdateCapaAction = (id: number) =>
  useActionWrite(id, ({ actionId, patch }: { actionId: number; patch: CapaActionPatch }) =>
    api.patch<CapaActionView>(`/api/v1/capas/${id}/actions/${actionId}`, patch),
  );

export const useCompleteCapaAction = (id: number) =>
  useActionWrite(id, ({ actionId, note }: { actionId: number; note: string }) =>
    api.post<CapaActionView>(`/api/v1/capas/${id}/actions/${actionId}/complete`, { note }),
  );

export const useCancelCapaAction = (id: number) =>
  useActionWrite(id, ({ actionId, note }: { actionId: number; note: string | null }) =>
    api.post<CapaActionView>(`/api/v1/capas/${id}/actions/${actionId}/cancel`, { note }),
  );

/**
 * Verification evidence (or any file of the report) while it is not closed or dismissed. The answer is a
 * CapaAttachment; the upload widget only reads its id, the page reloads the report.
 */
export function uploadCapaAttachment(
  id: number,
  file: File,
  onProgress?: (percent: number) => void,
): UploadTask {
  return uploadFile(`/api/v1/capas/${id}/attachments`, file, onProgress ? { onProgress } : {});
}

export const useRemoveCapaAttachment = (id: number) =>
  useActionWrite(id, (attachmentId: number) =>
    api.delete<void>(`/api/v1/capas/${id}/attachments/${attachmentId}`),
  );

export function useInvalidateCapa(id: number) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: oneKey(id) });
}

/** The printable 《纠正与预防措施报告》 (opens in a new tab; the session cookie signs the request). */
export const capaPrintUrl = (id: number) => `/api/v1/capas/${id}/print`;

/** The few fields of a complaint the CAPA form shows (from the complaints API). */
export interface ComplaintBrief {
  id: number;
  number: string;
  subject: string;
  product: string | null;
  category: NonNullable<CapaView['complaintCategory']>;
}

/** Complaints matching a search (number, customer, subject), to start a CAPA from one. */
export function useComplaintSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['complaints', 'capa-pick', q],
    queryFn: ({ signal }) =>
      api.get<{ items: ComplaintBrief[] }>('/api/v1/complaints', { q: q || undefined, limit: 15 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useComplaintBrief(id: number | undefined) {
  return useQuery({
    queryKey: ['complaints', 'capa-brief', id ?? 0],
    queryFn: ({ signal }) => api.get<ComplaintBrief>(`/api/v1/complaints/${id}`, undefined, signal),
    enabled: id !== undefined,
    retry: false,
  });
}
