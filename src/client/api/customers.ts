import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  activityCreate,
  ContactView,
  CustomerDetail,
  CustomerListItem,
  CustomerListQuery,
  CustomerSettings,
  classSuggestion,
  contactCreate,
  contactUpdate,
  customerCreate,
  customerUpdate,
  duplicateCandidate,
  timelineItem,
} from '../../shared/schemas/customers.ts';
import { api } from './client.ts';
import { type CursorPage, useCursorList } from './cursor-list.ts';

export type { ContactView, CustomerDetail, CustomerListItem, CustomerSettings };
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;
export type ClassSuggestion = z.infer<typeof classSuggestion>;
export type TimelineEntry = z.infer<typeof timelineItem>;
/** Request bodies as the client sends them: fields with a server default may be left out. */
export type ActivityInput = z.input<typeof activityCreate>;
export type CustomerCreateInput = z.input<typeof customerCreate>;
export type CustomerPatch = z.input<typeof customerUpdate>;
export type ContactInput = z.input<typeof contactCreate>;
export type ContactPatch = z.input<typeof contactUpdate>;

/**
 * Every key starts with 'customers': the live topic of the same name refreshes whatever is on screen
 * after anyone changes a customer.
 */
export const CUSTOMERS_KEY = ['customers'] as const;

export const CUSTOMER_VIEWS = ['all', 'mine', 'key_accounts', 'pending', 'dormant'] as const;
export type CustomerViewName = (typeof CUSTOMER_VIEWS)[number];
export const CUSTOMER_SORTS = ['newest', 'name', 'activity'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export type CustomerFilter = Partial<Omit<CustomerListQuery, 'cursor' | 'limit' | 'view' | 'sort'>> & {
  view: CustomerViewName;
  sort: CustomerSort;
};

type CustomerPage = CursorPage<CustomerListItem>;

/** 25 at a time in the chosen order; "load more" follows the keyset cursor. */
export function useCustomerList(filter: CustomerFilter) {
  return useCursorList<CustomerListItem>({
    queryKey: ['customers', 'list', filter],
    path: '/api/v1/customers',
    query: { ...filter },
    limit: 25,
  });
}

/** A quick search for pickers (the duplicate to merge): code, name, phone, contact. */
export function useCustomerSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['customers', 'search', q],
    queryFn: ({ signal }) =>
      api.get<CustomerPage>('/api/v1/customers', { view: 'all', q: q || undefined, limit: 15 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: number | undefined) {
  return useQuery({
    queryKey: ['customers', 'one', id],
    queryFn: ({ signal }) => api.get<CustomerDetail>(`/api/v1/customers/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export interface DuplicateProbe {
  name?: string | undefined;
  taxId?: string | undefined;
  phone?: string | undefined;
  excludeId?: number | undefined;
}

/** Customers that may already be this one, asked while the form is filled in. */
export function useDuplicates(probe: DuplicateProbe, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'duplicates', probe],
    queryFn: ({ signal }) =>
      api.get<DuplicateCandidate[]>('/api/v1/customers/duplicates', { ...probe }, signal),
    enabled: enabled && !!(probe.name || probe.taxId || probe.phone),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useClassSuggestion(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'class-suggestion', id],
    queryFn: ({ signal }) =>
      api.get<ClassSuggestion>(`/api/v1/customers/${id}/class-suggestion`, undefined, signal),
    enabled,
  });
}

function useCustomerWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}

export const useCreateCustomer = () =>
  useCustomerWrite((input: CustomerCreateInput) => api.create<CustomerDetail>('/api/v1/customers', input));

export const useUpdateCustomer = (id: number) =>
  useCustomerWrite((patch: CustomerPatch) => api.patch<CustomerDetail>(`/api/v1/customers/${id}`, patch));

export const useChangeClass = (id: number) =>
  useCustomerWrite((input: { class: 'A' | 'B' | 'C' | null; reason: string }) =>
    api.post<CustomerDetail>(`/api/v1/customers/${id}/class`, input),
  );

export const useChangeLifecycle = (id: number) =>
  useCustomerWrite((input: { to: 'active' | 'dormant' | 'lost'; reason?: string }) =>
    api.post<CustomerDetail>(`/api/v1/customers/${id}/lifecycle`, input),
  );

export const useMergeCustomer = (id: number) =>
  useCustomerWrite((sourceId: number) =>
    api.post<{ moved: Record<string, number> }>(`/api/v1/customers/${id}/merge`, { sourceId }),
  );

/** Shows one encrypted number in full; the server records who looked. Nothing is cached. */
export function useReveal(id: number) {
  return useMutation({
    mutationFn: (field: 'bankAccount' | 'idNumber') =>
      api.post<{ field: string; value: string | null }>(`/api/v1/customers/${id}/reveal`, { field }),
  });
}

// ---------------------------------------------------------------- contacts

export const useCreateContact = (customerId: number) =>
  useCustomerWrite((input: ContactInput) =>
    api.create<ContactView>(`/api/v1/customers/${customerId}/contacts`, input),
  );

export const useUpdateContact = () =>
  useCustomerWrite(({ id, patch }: { id: number; patch: ContactPatch }) =>
    api.patch<ContactView>(`/api/v1/contacts/${id}`, patch),
  );

/** The staff-side portal invitation: an email with a link to set a password. */
export const useInviteContact = () =>
  useCustomerWrite((contactId: number) =>
    api.create<{ accountId: number }>(`/api/v1/contacts/${contactId}/portal-invitation`),
  );

// ---------------------------------------------------------------- timeline

/** Newest first across requests, calls, activities, applications and credit changes. */
export function useTimeline(customerId: number, kinds: string[]) {
  return useCursorList<TimelineEntry>({
    queryKey: ['customers', 'timeline', customerId, kinds],
    path: `/api/v1/customers/${customerId}/timeline`,
    query: { kinds: kinds.length > 0 ? kinds.join(',') : undefined },
    limit: 20,
  });
}

export const useAddActivity = (customerId: number) =>
  useCustomerWrite((input: ActivityInput) =>
    api.create<{ id: number }>(`/api/v1/customers/${customerId}/activities`, input),
  );

// ---------------------------------------------------------------- settings

export function useCustomerSettings(enabled = true) {
  return useQuery({
    queryKey: ['customers', 'settings'],
    queryFn: ({ signal }) => api.get<CustomerSettings>('/api/v1/customer-settings', undefined, signal),
    enabled,
  });
}

export function useSaveCustomerSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomerSettings) => api.put<CustomerSettings>('/api/v1/customer-settings', input),
    onSuccess: (saved) => client.setQueryData(['customers', 'settings'], saved),
  });
}
