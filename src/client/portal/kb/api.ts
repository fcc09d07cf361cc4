import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Locale } from '../../../shared/locale.ts';
import type {
  KbPublicArticleSummary,
  KbPublicArticleView,
  KbSuggestion,
  kbFeedbackResult,
  kbPublicCategoryView,
} from '../../../shared/schemas/knowledge.ts';
import { useCursorList } from '../../api/cursor-list.ts';
import { portalApi } from '../api.ts';

export type { KbPublicArticleSummary, KbPublicArticleView, KbSuggestion };
export type KbPublicCategory = z.infer<typeof kbPublicCategoryView>;
export type KbFeedbackResult = z.infer<typeof kbFeedbackResult>;

const KB = ['portal', 'kb'] as const;

export interface ArticleFilter {
  q?: string | undefined;
  category?: number | undefined;
  language?: Locale | undefined;
}

export function usePublicArticles(filter: ArticleFilter, limit = 20) {
  return useCursorList<KbPublicArticleSummary>({
    queryKey: [...KB, 'articles', filter, limit],
    path: '/api/public/kb/articles',
    query: { ...filter },
    limit,
    client: portalApi,
  });
}

export function usePublicArticle(id: number) {
  return useQuery({
    queryKey: [...KB, 'article', id],
    queryFn: ({ signal }) =>
      portalApi.get<KbPublicArticleView>(`/api/public/kb/articles/${id}`, undefined, signal),
    enabled: id > 0,
    staleTime: 5 * 60_000,
  });
}

export function usePublicCategories() {
  return useQuery({
    queryKey: [...KB, 'categories'],
    queryFn: ({ signal }) =>
      portalApi.get<KbPublicCategory[]>('/api/public/kb/categories', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** Articles matching what the customer is typing (the caller debounces `text`). */
export function useSuggestions(text: string, language: Locale) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: [...KB, 'suggest', trimmed, language],
    queryFn: ({ signal }) =>
      portalApi.get<KbSuggestion[]>('/api/public/kb/suggest', { text: trimmed, language }, signal),
    enabled: trimmed.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useArticleFeedback(id: number) {
  return useMutation({
    mutationFn: (helpful: boolean) =>
      portalApi.post<KbFeedbackResult>(`/api/public/kb/articles/${id}/feedback`, { helpful }),
  });
}
