import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { fieldCreate } from '../../shared/schemas/ticket-config.ts';
import { api } from './client.ts';

/** A custom field of the customer file (自定义字段): a request-type field without the type. */
export type CustomerFieldView = z.output<typeof fieldCreate> & { id: number };
export type CustomerFieldInput = z.output<typeof fieldCreate>;

const FIELDS = ['customer-fields'] as const;

/** Every field, inactive ones included, in their order; the form and the profile pick the active ones. */
export function useCustomerFields(enabled = true) {
  return useQuery({
    queryKey: FIELDS,
    queryFn: ({ signal }) => api.get<CustomerFieldView[]>('/api/v1/customer-fields', undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

function useFieldWrite<V>(fn: (vars: V) => Promise<CustomerFieldView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: FIELDS }),
  });
}

export const useCreateCustomerField = () =>
  useFieldWrite((input: CustomerFieldInput) =>
    api.create<CustomerFieldView>('/api/v1/customer-fields', input),
  );

export const useUpdateCustomerField = () =>
  useFieldWrite(({ id, patch }: { id: number; patch: Partial<Omit<CustomerFieldInput, 'key'>> }) =>
    api.patch<CustomerFieldView>(`/api/v1/customer-fields/${id}`, patch),
  );

/** Active fields in form order. */
export const activeFields = (fields: CustomerFieldView[] | undefined) =>
  (fields ?? []).filter((f) => f.isActive).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
