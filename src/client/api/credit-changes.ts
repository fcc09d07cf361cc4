import { useQuery } from '@tanstack/react-query';
import type {
  CreditChangeCreate,
  CreditChangeDetail,
  CreditChangeView,
} from '../../shared/schemas/credit-changes.ts';
import { api } from './client.ts';
import { type CursorPage, useCursorList } from './cursor-list.ts';
import { useApprovalSubjectWrite } from './customer-applications.ts';

/** 信用级别调整: a customer's credit terms changed through an approval. */
export type { CreditChangeDetail, CreditChangeView };
export type CreditChangeInput = CreditChangeCreate;

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
  useApprovalSubjectWrite(({ customerId, input }: { customerId: number; input: CreditChangeInput }) =>
    api.create<CreditChangeView>(`/api/v1/customers/${customerId}/credit-changes`, input),
  );

export const useWithdrawCreditChange = () =>
  useApprovalSubjectWrite(({ id, comment }: { id: number; comment: string | null }) =>
    api.post<CreditChangeDetail>(`/api/v1/credit-changes/${id}/withdraw`, { comment }),
  );
