import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  KEY_ACCOUNT_STATUSES,
  KeyAccountView,
  keyAccountApply,
  keyAccountCard,
  keyAccountUpdate,
  measureCreate,
  measureUpdate,
  measureView,
} from '../../shared/schemas/key-accounts.ts';
import { api, isApiError } from './client.ts';
import { useCursorList } from './cursor-list.ts';
import { CUSTOMERS_KEY } from './customers.ts';

export type { KeyAccountView };
export type KeyAccountCard = z.infer<typeof keyAccountCard>;
export type KeyAccountMeasure = z.infer<typeof measureView>;
export type KeyAccountStatus = (typeof KEY_ACCOUNT_STATUSES)[number];
export type DecisionMaker = KeyAccountCard['decisionMakers'][number];
export type KeyAccountApplyInput = z.input<typeof keyAccountApply>;
export type KeyAccountPatch = z.input<typeof keyAccountUpdate>;
export type MeasureInput = z.input<typeof measureCreate>;
export type MeasurePatch = z.input<typeof measureUpdate>;

export interface KeyAccountFilter {
  status?: KeyAccountStatus | undefined;
  specialistUserId?: number | undefined;
  revisitDue?: boolean | undefined;
}

/*
 * Keys start with 'customers': the server publishes that topic after every key-account change, and an
 * approval decision refreshes ['customers'] too, so the card follows the approval without a reload.
 */
const cardKey = (customerId: number) => ['customers', 'key-account', customerId] as const;

/** 大客户: 25 at a time, newest first; "load more" follows the cursor. */
export function useKeyAccountList(filter: KeyAccountFilter) {
  return useCursorList<KeyAccountView>({
    queryKey: ['customers', 'key-accounts', filter],
    path: '/api/v1/key-accounts',
    query: {
      status: filter.status,
      specialistUserId: filter.specialistUserId,
      revisitDue: filter.revisitDue ? 'true' : undefined,
    },
    limit: 25,
  });
}

/** The customer's key-account record with its countermeasures; `null` when there never was one. */
export function useCustomerKeyAccount(customerId: number) {
  const client = useQueryClient();
  return useQuery({
    queryKey: cardKey(customerId),
    queryFn: async ({ signal }) => {
      let card: KeyAccountCard | null;
      try {
        card = await api.get<KeyAccountCard>(
          `/api/v1/customers/${customerId}/key-account`,
          undefined,
          signal,
        );
      } catch (error) {
        if (!isApiError(error, 404)) throw error;
        card = null;
      }
      // A decision taken meanwhile also changed the customer (designation makes it class A).
      const before = client.getQueryData<KeyAccountCard | null>(cardKey(customerId));
      if (before && card && before.status !== card.status)
        void client.invalidateQueries({ queryKey: ['customers', 'one', customerId] });
      return card;
    },
    // The decision is taken elsewhere (and published on the approvals topic): look again now and then.
    refetchInterval: (query) => (query.state.data?.status === 'applied' ? 20_000 : false),
  });
}

/** Every write answers with the whole card: show it at once, then refresh the rest of the customer. */
function useCardWrite<I>(customerId: number, fn: (input: I) => Promise<KeyAccountCard>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (card) => {
      client.setQueryData(cardKey(customerId), card);
      void client.invalidateQueries({ queryKey: CUSTOMERS_KEY });
    },
  });
}

/** 大客户申请: starts the key_account approval. */
export const useApplyKeyAccount = (customerId: number) =>
  useCardWrite(customerId, (input: KeyAccountApplyInput) =>
    api.create<KeyAccountCard>(`/api/v1/customers/${customerId}/key-account`, input),
  );

export const useUpdateKeyAccount = (customerId: number, id: number) =>
  useCardWrite(customerId, (patch: KeyAccountPatch) =>
    api.patch<KeyAccountCard>(`/api/v1/key-accounts/${id}`, patch),
  );

export const useRevokeKeyAccount = (customerId: number, id: number) =>
  useCardWrite(customerId, (reason: string) =>
    api.post<KeyAccountCard>(`/api/v1/key-accounts/${id}/revoke`, { reason }),
  );

/** 对策一览表: a new countermeasure, or a change to one (status, result, …). */
export const useAddMeasure = (customerId: number, id: number) =>
  useCardWrite(customerId, (input: MeasureInput) =>
    api.create<KeyAccountCard>(`/api/v1/key-accounts/${id}/measures`, input),
  );

export const useUpdateMeasure = (customerId: number) =>
  useCardWrite(customerId, ({ id, patch }: { id: number; patch: MeasurePatch }) =>
    api.patch<KeyAccountCard>(`/api/v1/key-account-measures/${id}`, patch),
  );
