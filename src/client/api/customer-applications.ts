import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
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
import { useCursorList } from './cursor-list.ts';

export type { ApplicationAttachment, ApplicationDetail, ApplicationView };
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Request bodies as the client sends them: fields with a server default may be left out. */
export type ApplicationCreateInput = z.input<typeof applicationCreate>;
export type ApplicationPatch = z.input<typeof applicationUpdate>;

/**
 * Keys start with the live topics the server publishes ('customer-applications', 'credit-changes'), so
 * lists and records refresh when an approver decides elsewhere.
 */
const APPLICATIONS: QueryKey = ['customer-applications'];
/** What a write on an application or a credit change may change (both go through an approval). */
const APPROVAL_SUBJECTS: QueryKey[] = [APPLICATIONS, ['credit-changes'], ['approvals'], ['customers']];

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

/** A write that refreshes every list and record it may change. */
export function useApprovalSubjectWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const queryKey of APPROVAL_SUBJECTS) void client.invalidateQueries({ queryKey });
    },
  });
}

export const useCreateApplication = () =>
  useApprovalSubjectWrite((input: ApplicationCreateInput) =>
    api.create<ApplicationDetail>('/api/v1/customer-applications', input),
  );

export const useUpdateApplication = () =>
  useApprovalSubjectWrite(({ id, patch }: { id: number; patch: ApplicationPatch }) =>
    api.patch<ApplicationDetail>(`/api/v1/customer-applications/${id}`, patch),
  );

export const useSubmitApplication = () =>
  useApprovalSubjectWrite((id: number) =>
    api.post<ApplicationDetail>(`/api/v1/customer-applications/${id}/submit`),
  );

export const useWithdrawApplication = () =>
  useApprovalSubjectWrite(({ id, comment }: { id: number; comment: string | null }) =>
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
