import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CARE_EVENTS,
  CARE_RECORDS,
  careEventView,
  careRecordCreate,
  careRuleCreate,
  careRuleUpdate,
  careRuleView,
} from '../../shared/schemas/care.ts';
import { api } from './client.ts';
import { useCursorList } from './cursor-list.ts';
import { CUSTOMERS_KEY } from './customers.ts';

export type CareRule = z.infer<typeof careRuleView>;
export type CareRuleInput = z.input<typeof careRuleCreate>;
export type CareRulePatch = z.input<typeof careRuleUpdate>;
export type CareEvent = z.infer<typeof careEventView>;
export type CareRecordInput = z.input<typeof careRecordCreate>;
export type CareRuleEvent = (typeof CARE_EVENTS)[number];
export type CareRecordKind = (typeof CARE_RECORDS)[number];

export interface CareEventFilter {
  customerId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/*
 * Keys start with 'customers': a gift recorded on a customer (or a renamed customer) refreshes the care
 * screens together with the customer's timeline.
 */
const RULES_KEY = ['customers', 'care-rules'] as const;

/** 关怀规则: every greeting rule, oldest first. */
export function useCareRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: ({ signal }) => api.get<CareRule[]>('/api/v1/care-rules', undefined, signal),
  });
}

function useRuleWrite<I>(fn: (input: I) => Promise<CareRule>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export const useCreateCareRule = () =>
  useRuleWrite((input: CareRuleInput) => api.create<CareRule>('/api/v1/care-rules', input));

export const useUpdateCareRule = () =>
  useRuleWrite(({ id, patch }: { id: number; patch: CareRulePatch }) =>
    api.patch<CareRule>(`/api/v1/care-rules/${id}`, patch),
  );

/** 关怀记录: greetings sent or skipped and gifts given, newest first, 30 at a time. */
export function useCareEvents(filter: CareEventFilter) {
  return useCursorList<CareEvent>({
    queryKey: ['customers', 'care-events', filter],
    path: '/api/v1/care-events',
    query: { ...filter },
    limit: 30,
  });
}

/** 记录关怀/礼品: a gift, visit or other care given by hand; shows up in the timeline and the care record. */
export function useRecordCare(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CareRecordInput) =>
      api.create<{ id: number }>(`/api/v1/customers/${customerId}/care-events`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}
