import { keepPreviousData, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ComplaintView } from '../../shared/schemas/complaints.ts';
import type {
  ReturnAttachment,
  ReturnDetail,
  ReturnDisposition,
  ReturnItemView,
  ReturnStatus,
  ReturnView,
  returnCreate,
  returnDispose,
  returnInspect,
  returnReceive,
} from '../../shared/schemas/returns.ts';
import { type UploadTask, uploadFile } from './attachments.ts';
import { api } from './client.ts';
import { type CursorPage, useCursorList, useRecordWrite } from './cursor-list.ts';

export type { ReturnAttachment, ReturnDetail, ReturnDisposition, ReturnItemView, ReturnStatus, ReturnView };
export type ReturnCreateInput = z.input<typeof returnCreate>;
export type ReturnReceiveInput = z.input<typeof returnReceive>;
export type ReturnInspectInput = z.input<typeof returnInspect>;
export type ReturnDisposeInput = z.input<typeof returnDispose>;

/**
 * Keys start with the live topic the server publishes ('returns'); a compensation's approval is decided
 * elsewhere, so writes refresh ['approvals'] too and the notice refetches when the window regains focus.
 */
const RETURNS: QueryKey = ['returns'];

export interface ReturnFilter {
  status?: ReturnStatus | 'open' | undefined;
  q?: string | undefined;
  customerId?: number | undefined;
  complaintId?: number | undefined;
}

/** 退货通知单, newest first, 25 at a time. */
export const useReturns = (filter: ReturnFilter) =>
  useCursorList<ReturnView>({
    queryKey: ['returns', 'list', filter],
    path: '/api/v1/returns',
    query: { ...filter },
    limit: 25,
  });

export function useReturn(id: number | undefined) {
  return useQuery({
    queryKey: ['returns', 'one', id],
    queryFn: ({ signal }) => api.get<ReturnDetail>(`/api/v1/returns/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** Complaints to link a return to (by number, subject or customer); needs complaint.read. */
export function useComplaintPicker(q: string, customerId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['complaints', 'pick', q, customerId],
    queryFn: ({ signal }) =>
      api.get<CursorPage<ComplaintView>>(
        '/api/v1/complaints',
        { q: q || undefined, customerId, limit: 15 },
        signal,
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

const useWrite = <I>(fn: (input: I) => Promise<ReturnDetail>) =>
  useRecordWrite((id) => ['returns', 'one', id], [RETURNS, ['approvals'], ['complaints']], fn);

const action =
  <I>(name: string) =>
  ({ id, input }: { id: number; input: I }) =>
    api.post<ReturnDetail>(`/api/v1/returns/${id}/${name}`, input);

export const useCreateReturn = () =>
  useWrite((input: ReturnCreateInput) => api.create<ReturnDetail>('/api/v1/returns', input));
export const useReceiveReturn = () => useWrite(action<ReturnReceiveInput>('receive'));
export const useInspectReturn = () => useWrite(action<ReturnInspectInput>('inspect'));
export const useDisposeReturn = () => useWrite(action<ReturnDisposeInput>('dispose'));
export const useReworkDone = () => useWrite(action<{ note?: string | null }>('rework-done'));
export const useReplacementDelivered = () => useWrite(action<{ note?: string | null }>('delivered'));
export const useCloseReturn = () => useWrite(action<{ note?: string | null }>('close'));
export const useCancelReturn = () => useWrite(action<{ reason: string }>('cancel'));

/** The printable 《退货通知单》 and 《返工通知单》 (new tab; the session cookie signs the request). */
export const returnPrintUrl = (id: number) => `/api/v1/returns/${id}/print`;
export const reworkPrintUrl = (id: number) => `/api/v1/returns/${id}/rework-print`;

/** A photo or document on the notice; the upload widget only reads the answer's id, the page reloads the list. */
export function uploadReturnAttachment(
  id: number,
  file: File,
  onProgress?: (percent: number) => void,
): UploadTask {
  return uploadFile(`/api/v1/returns/${id}/attachments`, file, onProgress ? { onProgress } : {});
}

export function useInvalidateReturns() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: RETURNS });
}

/** One complaint's number and customer, to show a complaint the form was opened for. */
export function useComplaintSummary(id: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['complaints', 'one', id],
    queryFn: ({ signal }) => api.get<ComplaintView>(`/api/v1/complaints/${id}`, undefined, signal),
    enabled: enabled && id !== undefined,
  });
}
