import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  KbArticleCreate,
  KbArticleListQuery,
  KbArticleSummary,
  KbArticleUpdate,
  KbArticleView,
  KbCategoryCreate,
  KbCategoryView,
  KbVersionView,
  kbCategoryUpdate,
  kbVersionSummary,
} from '../../shared/schemas/knowledge.ts';
import { api } from './client.ts';
import { useCursorList } from './cursor-list.ts';
import type { Ok } from './types.ts';

export type { KbArticleSummary, KbArticleView, KbCategoryView, KbVersionView };
export type KbVersionSummary = z.infer<typeof kbVersionSummary>;
export type KbArticleFilter = Partial<Omit<KbArticleListQuery, 'cursor' | 'limit'>>;

// ---------------------------------------------------------------- categories

export function useKbCategories() {
  return useQuery({
    queryKey: ['kb', 'categories'],
    queryFn: ({ signal }) => api.get<KbCategoryView[]>('/api/v1/kb/categories', undefined, signal),
  });
}

export function useSaveKbCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: KbCategoryCreate }) =>
      id === null
        ? api.create<KbCategoryView>('/api/v1/kb/categories', input)
        : api.patch<KbCategoryView>(`/api/v1/kb/categories/${id}`, input as z.input<typeof kbCategoryUpdate>),
    onSuccess: () => client.invalidateQueries({ queryKey: ['kb'] }),
  });
}

export function useDeleteKbCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<Ok>(`/api/v1/kb/categories/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['kb'] }),
  });
}

// ---------------------------------------------------------------- articles

/** Keyset pages of 25; with `q` the best matches come first. */
export function useKbArticles(filter: KbArticleFilter) {
  return useCursorList<KbArticleSummary>({
    queryKey: ['kb', 'articles', 'list', filter],
    path: '/api/v1/kb/articles',
    query: { ...filter },
    limit: 25,
  });
}

export function useKbArticle(id: number | undefined) {
  return useQuery({
    queryKey: ['kb', 'articles', 'one', id],
    queryFn: ({ signal }) => api.get<KbArticleView>(`/api/v1/kb/articles/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

function useArticleWrite<V>(fn: (vars: V) => Promise<KbArticleView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (article) => {
      client.setQueryData(['kb', 'articles', 'one', article.id], article);
      void client.invalidateQueries({ queryKey: ['kb', 'articles', 'list'] });
      void client.invalidateQueries({ queryKey: ['kb', 'articles', 'versions', article.id] });
      void client.invalidateQueries({ queryKey: ['kb', 'categories'] });
    },
  });
}

export const useCreateKbArticle = () =>
  useArticleWrite((input: KbArticleCreate) => api.create<KbArticleView>('/api/v1/kb/articles', input));

/** Saves a new version; `expectedVersion` makes a concurrent save answer 409 KB_VERSION_CONFLICT. */
export const useUpdateKbArticle = () =>
  useArticleWrite(({ id, patch }: { id: number; patch: KbArticleUpdate }) =>
    api.patch<KbArticleView>(`/api/v1/kb/articles/${id}`, patch),
  );

export type KbStatusAction = 'publish' | 'unpublish' | 'archive';

export const useKbStatusAction = () =>
  useArticleWrite(({ id, action }: { id: number; action: KbStatusAction }) =>
    api.post<KbArticleView>(`/api/v1/kb/articles/${id}/${action}`),
  );

export function useKbVersions(id: number | undefined) {
  return useQuery({
    queryKey: ['kb', 'articles', 'versions', id],
    queryFn: ({ signal }) =>
      api.get<KbVersionSummary[]>(`/api/v1/kb/articles/${id}/versions`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useKbVersion(id: number | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['kb', 'articles', 'versions', id, version],
    queryFn: ({ signal }) =>
      api.get<KbVersionView>(`/api/v1/kb/articles/${id}/versions/${version}`, undefined, signal),
    enabled: id !== undefined && version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
