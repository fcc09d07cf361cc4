import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ComplaintCategory,
  ComplaintStage,
  ComplaintStep,
} from '../../shared/complaints/complaint-flow.ts';
import type {
  CompensationView,
  ComplaintDetail,
  ComplaintStepView,
  ComplaintView,
  compensationCreate,
  complaintCreate,
  complaintSettingsSchema,
  complaintUpdate,
  StepInputs,
} from '../../shared/schemas/complaints.ts';
import { api, isApiError } from './client.ts';
import { useCursorList, useRecordWrite } from './cursor-list.ts';

export type { CompensationView, ComplaintDetail, ComplaintStepView, ComplaintView };
export type ComplaintCreateInput = z.input<typeof complaintCreate>;
export type ComplaintPatch = z.input<typeof complaintUpdate>;
export type CompensationInput = z.input<typeof compensationCreate>;
export type ComplaintValidity = ComplaintView['validity'];

/*
 * Keys start with 'complaints': the server publishes that topic after every change of a complaint (steps,
 * record, compensations), so every screen showing one refreshes by itself.
 */
const COMPLAINTS = ['complaints'] as const;
const oneKey = (id: number) => ['complaints', 'one', id] as const;

export interface ComplaintFilter {
  stage?: ComplaintStage | 'open' | undefined;
  category?: ComplaintCategory | undefined;
  validity?: ComplaintValidity | undefined;
  customerId?: number | undefined;
  mine?: boolean | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

/** 投诉工作台: 30 at a time, newest first; "load more" follows the cursor. */
export const useComplaintList = (filter: ComplaintFilter) =>
  useCursorList<ComplaintView>({
    queryKey: ['complaints', 'list', filter],
    path: '/api/v1/complaints',
    query: {
      stage: filter.stage,
      category: filter.category,
      validity: filter.validity,
      customerId: filter.customerId,
      // The server coerces any text to true: only ever send the flags that are on.
      mine: filter.mine ? 'true' : undefined,
      overdue: filter.overdue ? 'true' : undefined,
      q: filter.q,
    },
    limit: 30,
  });

export function useComplaint(id: number | undefined) {
  return useQuery({
    queryKey: oneKey(id ?? 0),
    queryFn: ({ signal }) => api.get<ComplaintDetail>(`/api/v1/complaints/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** A write answering with the whole complaint: shown at once, the lists (and its request) refreshed behind it. */
const useDetailWrite = <I>(fn: (input: I) => Promise<ComplaintDetail>) =>
  useRecordWrite(oneKey, [COMPLAINTS, ['tickets']], fn);

/** 登记投诉: a new request of type 投诉 and its 《客户投诉记录表》 in one go. */
export const useCreateComplaint = () =>
  useDetailWrite((input: ComplaintCreateInput) => api.create<ComplaintDetail>('/api/v1/complaints', input));

export const useUpdateComplaint = (id: number) =>
  useDetailWrite((patch: ComplaintPatch) => api.patch<ComplaintDetail>(`/api/v1/complaints/${id}`, patch));

export type StepSubmission = { [S in ComplaintStep]: { step: S; input: StepInputs[S] } }[ComplaintStep];

/** Completes the current step with what it records; the server opens the next one (or closes). */
export const useCompleteStep = (id: number) =>
  useDetailWrite(({ step, input }: StepSubmission) =>
    api.post<ComplaintDetail>(`/api/v1/complaints/${id}/steps/${step}`, input),
  );

export const useChangeStepOwner = (id: number) =>
  useDetailWrite((input: { ownerUserId: number; reason: string | null }) =>
    api.put<ComplaintDetail>(`/api/v1/complaints/${id}/step-owner`, input),
  );

export type DraftKind = 'acknowledge' | 'explanation' | 'reply';
export interface ComplaintDraft {
  subject: string;
  body: string;
  promisedAt: string;
}

/** The text an agent starts from (apology, explanation, quality reply) from the message templates. */
export function useComplaintDraft(id: number, kind: DraftKind | null) {
  return useQuery({
    queryKey: ['complaints', 'draft', id, kind],
    queryFn: ({ signal }) =>
      api.get<ComplaintDraft>(`/api/v1/complaints/${id}/drafts/${kind}`, undefined, signal),
    enabled: kind !== null,
    // A draft is a starting point: it must not change under the agent's hands while they edit it.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export const complaintPrintUrl = (id: number, form: 'record' | 'reply') =>
  `/api/v1/complaints/${id}/print/${form}`;

/** A compensation write: the complaint is loaded again (its card lists them). */
function useCompensationWrite<I>(fn: (input: I) => Promise<CompensationView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: COMPLAINTS });
      void client.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

/** 补货、补偿及赔偿: starts the compensation approval. */
export const useRequestCompensation = (complaintId: number) =>
  useCompensationWrite((input: CompensationInput) =>
    api.create<CompensationView>(`/api/v1/complaints/${complaintId}/compensations`, input),
  );

export const useExecuteCompensation = () =>
  useCompensationWrite(({ id, note }: { id: number; note: string }) =>
    api.post<CompensationView>(`/api/v1/compensations/${id}/execute`, { note }),
  );

export const useWithdrawCompensation = () =>
  useCompensationWrite(({ id, comment }: { id: number; comment: string | null }) =>
    api.post<CompensationView>(`/api/v1/compensations/${id}/withdraw`, { comment }),
  );

/** The complaint a request was registered as, or null. */
export function useTicketComplaint(ticketId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['complaints', 'ticket', ticketId],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<{ id: number; number: string }>(
          `/api/v1/tickets/${ticketId}/complaint`,
          undefined,
          signal,
        );
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
    enabled,
  });
}

/** 登记为投诉: the request becomes type 投诉 and gets its record. */
export const useRegisterTicketComplaint = (ticketId: number) =>
  useDetailWrite((_: undefined) => api.create<ComplaintDetail>(`/api/v1/tickets/${ticketId}/complaint`));

/** One compensation (approvers open it from their inbox). */
export function useCompensation(id: number) {
  return useQuery({
    queryKey: [...COMPLAINTS, 'compensation', id],
    queryFn: ({ signal }) => api.get<CompensationView>(`/api/v1/compensations/${id}`, undefined, signal),
  });
}

export type ComplaintSettings = z.infer<typeof complaintSettingsSchema>;

/** 投诉设置 (step limits, warning share, repeat detection, rate target). */
export function useComplaintSettings() {
  return useQuery({
    queryKey: [...COMPLAINTS, 'settings'],
    queryFn: ({ signal }) => api.get<ComplaintSettings>('/api/v1/complaint-settings', undefined, signal),
  });
}

export function useSaveComplaintSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ComplaintSettings) => api.put<ComplaintSettings>('/api/v1/complaint-settings', input),
    onSuccess: (saved) => client.setQueryData([...COMPLAINTS, 'settings'], saved),
  });
}
