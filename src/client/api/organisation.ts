import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../shared/locale.ts';
import { api } from './client.ts';
import { ME_KEY } from './query-client.ts';
import type { Ok, OrganisationView } from './types.ts';

export function useOrganisation() {
  return useQuery({
    queryKey: ['organisation'],
    queryFn: ({ signal }) => api.get<OrganisationView>('/api/v1/organisation', undefined, signal),
  });
}

export interface OrganisationInput {
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  timeZone: string;
  defaultLocale: Locale;
}

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationInput) => api.patch<OrganisationView>('/api/v1/organisation', input),
    onSuccess: (org) => {
      client.setQueryData(['organisation'], org);
      // The header shows the organisation's name; dates follow its time zone.
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export interface NumberPattern {
  kind: string;
  pattern: string;
  example: string;
}

export function useNumberPatterns() {
  return useQuery({
    queryKey: ['organisation', 'number-patterns'],
    queryFn: ({ signal }) => api.get<NumberPattern[]>('/api/v1/number-patterns', undefined, signal),
  });
}

export function useSaveNumberPattern() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, pattern }: { kind: string; pattern: string }) =>
      api.put<Ok>(`/api/v1/number-patterns/${encodeURIComponent(kind)}`, { pattern }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organisation', 'number-patterns'] }),
  });
}
