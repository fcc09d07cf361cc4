import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BaseVolumeInput,
  CONFIRMATION_FILTERS,
  ConfirmationItem,
  ConfirmationPage,
  MonthlyAnalysis,
} from '../../shared/schemas/complaint-analysis.ts';
import { api, withQuery } from './client.ts';

export type { ConfirmationItem, ConfirmationPage, MonthlyAnalysis };
export type ConfirmationFilter = (typeof CONFIRMATION_FILTERS)[number];

/*
 * Keys start with 'complaints': the live topic the server publishes after a complaint changes (and after a
 * confirmation or a base entered here), so the analysis follows the work done elsewhere.
 */
const ANALYSIS_KEY = ['complaints', 'analysis'] as const;

/** 月度投诉分析 of one month (`YYYY-MM`, the organisation's time zone). */
export function useMonthlyAnalysis(month: string) {
  return useQuery({
    queryKey: [...ANALYSIS_KEY, 'monthly', month],
    queryFn: ({ signal }) =>
      api.get<MonthlyAnalysis>('/api/v1/complaint-analysis/monthly', { month }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The month's complaints with their closure confirmation, a page at a time. */
export function useConfirmations(month: string, filter: ConfirmationFilter, page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...ANALYSIS_KEY, 'confirmations', month, filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<ConfirmationPage>(
        '/api/v1/complaint-analysis/confirmations',
        { month, filter, page, pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

function useAnalysisWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

/** 与客户确认结案: only a closed complaint can be confirmed. */
export const useConfirmClosure = () =>
  useAnalysisWrite(({ id, note }: { id: number; note: string | null }) =>
    api.post<ConfirmationItem>(`/api/v1/complaints/${id}/closure-confirmation`, { note }),
  );

/** The month's base volume (交货批次/出货批次…) that the complaint rate is taken of. */
export const useSetBaseVolume = (month: string) =>
  useAnalysisWrite((input: BaseVolumeInput) =>
    api.put<{ ok: true }>(`/api/v1/complaint-analysis/base/${month}`, input),
  );

export const useClearBaseVolume = (month: string) =>
  useAnalysisWrite((_: undefined) => api.delete<{ ok: true }>(`/api/v1/complaint-analysis/base/${month}`));

export const analysisExportUrl = (month: string) =>
  withQuery('/api/v1/complaint-analysis/monthly.xlsx', { month });
export const analysisPrintUrl = (month: string) =>
  withQuery('/api/v1/complaint-analysis/monthly/print', { month });
