import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApprovalDecision,
  ApprovalFlow,
  ApprovalInboxItem,
  ApprovalRequestView,
  ApprovalRouteCreate,
  ApprovalRouteUpdate,
  ApprovalRouteView,
  ApprovalStepView,
} from '../../shared/schemas/approvals.ts';
import { api } from './client.ts';
import { useCursorList } from './cursor-list.ts';
import type { Ok } from './types.ts';

export type {
  ApprovalFlow,
  ApprovalInboxItem,
  ApprovalRequestView,
  ApprovalRouteCreate,
  ApprovalRouteUpdate,
  ApprovalRouteView,
  ApprovalStepView,
};

/**
 * Keys start with 'approvals' (the live topic the server publishes after every decision), so an inbox or
 * a request on screen refreshes when someone else decides.
 */
export const APPROVALS_KEY = ['approvals'] as const;
const ROUTES_KEY: QueryKey = ['approval-routes'];

/** Whatever an approval's outcome changes: the request, the application or credit change, the customer. */
const AFFECTED: QueryKey[] = [APPROVALS_KEY, ['customer-applications'], ['credit-changes'], ['customers']];

/** 待我审批: pending steps the caller may decide, newest first, 25 at a time. */
export function useApprovalInbox(flow?: ApprovalFlow) {
  return useCursorList<ApprovalInboxItem>({
    queryKey: ['approvals', 'inbox', flow ?? 'all'],
    path: '/api/v1/approvals/inbox',
    query: { flow },
    limit: 25,
  });
}

export function useApproval(id: number | null | undefined) {
  return useQuery({
    queryKey: ['approvals', 'one', id],
    queryFn: ({ signal }) => api.get<ApprovalRequestView>(`/api/v1/approvals/${id}`, undefined, signal),
    enabled: typeof id === 'number',
  });
}

function useApprovalWrite<I, O>(fn: (input: I) => Promise<O>, keys: QueryKey[] = AFFECTED) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const queryKey of keys) void client.invalidateQueries({ queryKey });
    },
  });
}

/** Approve or reject the step the caller may decide (a rejection needs a comment). */
export const useDecideStep = () =>
  useApprovalWrite(({ stepId, ...body }: ApprovalDecision & { stepId: number }) =>
    api.post<ApprovalRequestView>(`/api/v1/approvals/steps/${stepId}/decide`, body),
  );

/** The requester takes a pending request back. */
export const useCancelApproval = () =>
  useApprovalWrite(({ id, comment }: { id: number; comment: string | null }) =>
    api.post<ApprovalRequestView>(`/api/v1/approvals/${id}/cancel`, { comment }),
  );

// ---------------------------------------------------------------- routes (审批流程设置)

export function useApprovalRoutes(enabled = true) {
  return useQuery({
    queryKey: ROUTES_KEY,
    queryFn: ({ signal }) => api.get<ApprovalRouteView[]>('/api/v1/approval-routes', undefined, signal),
    enabled,
  });
}

export const useCreateApprovalRoute = () =>
  useApprovalWrite(
    (input: ApprovalRouteCreate) => api.create<ApprovalRouteView>('/api/v1/approval-routes', input),
    [ROUTES_KEY],
  );

export const useUpdateApprovalRoute = () =>
  useApprovalWrite(
    ({ id, patch }: { id: number; patch: ApprovalRouteUpdate }) =>
      api.patch<ApprovalRouteView>(`/api/v1/approval-routes/${id}`, patch),
    [ROUTES_KEY],
  );

export const useDeleteApprovalRoute = () =>
  useApprovalWrite((id: number) => api.delete<Ok>(`/api/v1/approval-routes/${id}`), [ROUTES_KEY]);
