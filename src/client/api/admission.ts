import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreditChangeCreate,
  CreditChangeDetail,
  CreditChangeView,
} from '../../shared/schemas/credit-changes.ts';
import type {
  APPLICATION_STATUSES,
  ApplicationAttachment,
  ApplicationDetail,
  ApplicationView,
  applicationCreate,
  applicationUpdate,
} from '../../shared/schemas/customer-applications.ts';
import { type UploadTask, uploadFile } from './attachments.ts';
import { api } from './client.ts';
import { type CursorPage, useCursorList } from './cursor-list.ts';

export type {
  ApplicationAttachment,
  ApplicationDetail,
  ApplicationView,
  CreditChangeDetail,
  CreditChangeView,
};
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Request bodies as the client sends them: fields with a server default may be left out. */
export type ApplicationCreateInput = z.input<typeof applicationCreate>;
export type ApplicationPatch = z.input<typeof applicationUpdate>;
export type CreditChangeInput = CreditChangeCreate;

/**
 * Keys start with the live topics the server publishes ('customer-applications', 'credit-changes'), so
 * lists and records refresh when an approver decides elsewhere.
 */
const APPLICATIONS: QueryKey = ['customer-applications'];
const CREDIT_CHANGES: QueryKey = ['credit-changes'];
const AFFECTED: QueryKey[] = [APPLICATIONS, CREDIT_CHANGES, ['approvals'], ['customers']];

export interface ApplicationFilter {
  status?: ApplicationStatus | undefined;
  q?: string | undefined;
  applicantUserId?: number | undefined;
  customerId?: number | undefined;
}

/** 新客户申请 the caller may see (the server scopes: own ones unless allowed to see all), newest first. */
export const useApplications = (filter: ApplicationFilter, enabled = true) =>
  useCursorList<ApplicationView>({
    queryKey: ['customer-applications', 'list', filter],
    path: '/api/v1/customer-applications',
    query: { ...filter },
    limit: 25,
    enabled,
  });

export function useApplication(id: number | null | undefined) {
  return useQuery({
    queryKey: ['customer-applications', 'one', id],
    queryFn: ({ signal }) =>
      api.get<ApplicationDetail>(`/api/v1/customer-applications/${id}`, undefined, signal),
    enabled: typeof id === 'number',
  });
}

function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const queryKey of AFFECTED) void client.invalidateQueries({ queryKey });
    },
  });
}

export const useCreateApplication = () =>
  useWrite((input: ApplicationCreateInput) =>
    api.post<ApplicationDetail>('/api/v1/customer-applications', input),
  );

export const useUpdateApplication = () =>
  useWrite(({ id, patch }: { id: number; patch: ApplicationPatch }) =>
    api.patch<ApplicationDetail>(`/api/v1/customer-applications/${id}`, patch),
  );

export const useSubmitApplication = () =>
  useWrite((id: number) => api.post<ApplicationDetail>(`/api/v1/customer-applications/${id}/submit`));

export const useWithdrawApplication = () =>
  useWrite(({ id, comment }: { id: number; comment: string | null }) =>
    api.post<ApplicationDetail>(`/api/v1/customer-applications/${id}/withdraw`, { comment }),
  );

/** The printable 《新客户申请表》 (opens in a new tab; the session cookie signs the request). */
export const applicationPrintUrl = (id: number) => `/api/v1/customer-applications/${id}/print`;

/**
 * An investigation document on an application still open (draft or submitted). The answer is an
 * ApplicationAttachment; the upload widget only reads its id, the page reloads the list.
 */
export function uploadApplicationAttachment(
  id: number,
  file: File,
  onProgress?: (percent: number) => void,
): UploadTask {
  return uploadFile(
    `/api/v1/customer-applications/${id}/attachments`,
    file,
    onProgress ? { onProgress } : {},
  );
}

/** Takes one's own file off a draft. */
export const removeApplicationAttachment = (id: number, attachmentId: number) =>
  api.delete<void>(`/api/v1/customer-applications/${id}/attachments/${attachmentId}`);

export function useInvalidateApplication() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: APPLICATIONS });
}

// ---------------------------------------------------------------- credit changes (信用级别调整)

export interface CreditChangeFilter {
  status?: CreditChangeView['status'] | undefined;
  customerId?: number | undefined;
}

/** Credit changes, newest first; with a customer, that customer's (GET /customers/:id/credit-changes). */
export function useCreditChanges(filter: CreditChangeFilter, enabled = true) {
  const { customerId, ...rest } = filter;
  return useCursorList<CreditChangeView>({
    queryKey: ['credit-changes', 'list', filter],
    path: customerId ? `/api/v1/customers/${customerId}/credit-changes` : '/api/v1/credit-changes',
    query: rest,
    limit: 25,
    enabled,
  });
}

/** The credit change an approval request decides (the request is filed on the customer). */
export function useCreditChangeOfApproval(customerId: number | null, approvalId: number) {
  return useQuery({
    queryKey: ['credit-changes', 'of-approval', customerId, approvalId],
    queryFn: async ({ signal }) => {
      const page = await api.get<CursorPage<CreditChangeView>>(
        `/api/v1/customers/${customerId}/credit-changes`,
        { limit: 100 },
        signal,
      );
      return page.items.find((c) => c.approvalRequestId === approvalId) ?? null;
    },
    enabled: customerId !== null,
  });
}

export const useRequestCreditChange = () =>
  useWrite(({ customerId, input }: { customerId: number; input: CreditChangeInput }) =>
    api.post<CreditChangeView>(`/api/v1/customers/${customerId}/credit-changes`, input),
  );

export const useWithdrawCreditChange = () =>
  useWrite(({ id, comment }: { id: number; comment: string | null }) =>
    api.post<CreditChangeDetail>(`/api/v1/credit-changes/${id}/withdraw`, { comment }),
  );
