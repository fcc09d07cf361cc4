import type { Locale } from '../../../shared/locale.ts';
import type {
  KbArticleSummary,
  KbArticleView,
  KbKind,
  KbPublicArticleSummary,
  KbPublicArticleView,
  KbStatus,
  KbSuggestion,
  KbVersionView,
  KbVisibility,
} from '../../../shared/schemas/knowledge.ts';
import { iso } from '../../http/present.ts';
import type { ArticleListRow, ArticleRow } from './articles.queries.ts';
import { categoryName } from './categories.service.ts';

const kind = (v: string) => v as KbKind;
const visibility = (v: string) => v as KbVisibility;
const status = (v: string) => v as KbStatus;
const language = (v: string) => v as Locale;
const excerpt = (text: string) => text.replace(/\s+/g, ' ').trim();

export function presentArticle(row: ArticleRow): KbArticleView {
  return {
    id: row.id,
    categoryId: row.category_id,
    categoryName: row.category_name === null ? null : categoryName(row.category_name),
    kind: kind(row.kind),
    visibility: visibility(row.visibility),
    status: status(row.status),
    language: language(row.language),
    title: row.title,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    tags: row.tags,
    version: row.version,
    versionCount: Number(row.version_count ?? 0),
    authorId: row.author_user_id,
    authorName: row.author_name,
    updatedById: row.updated_by_user_id,
    updatedByName: row.updated_by_name,
    publishedAt: iso(row.published_at),
    publishedById: row.published_by_user_id,
    publishedByName: row.published_by_name,
    viewCount: Number(row.view_count),
    helpfulCount: row.helpful_count,
    unhelpfulCount: row.unhelpful_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentSummary(row: ArticleListRow): KbArticleSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    kind: kind(row.kind),
    visibility: visibility(row.visibility),
    status: status(row.status),
    language: language(row.language),
    title: row.title,
    excerpt: excerpt(row.excerpt),
    tags: row.tags,
    version: row.version,
    authorName: row.author_name,
    publishedAt: iso(row.published_at),
    viewCount: Number(row.view_count),
    helpfulCount: row.helpful_count,
    unhelpfulCount: row.unhelpful_count,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentPublicSummary(row: ArticleListRow): KbPublicArticleSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    kind: kind(row.kind),
    language: language(row.language),
    title: row.title,
    excerpt: excerpt(row.excerpt),
    tags: row.tags,
    publishedAt: iso(row.published_at),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentPublicArticle(row: ArticleRow): KbPublicArticleView {
  return {
    id: row.id,
    categoryId: row.category_id,
    categoryName: row.category_name === null ? null : categoryName(row.category_name),
    kind: kind(row.kind),
    language: language(row.language),
    title: row.title,
    bodyHtml: row.body_html,
    tags: row.tags,
    publishedAt: iso(row.published_at),
    updatedAt: row.updated_at.toISOString(),
    helpfulCount: row.helpful_count,
  };
}

export function presentSuggestion(row: {
  id: number;
  title: string;
  kind: string;
  visibility: string;
  language: string;
  category_id: number | null;
  excerpt: string;
  matched: number;
}): KbSuggestion {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerpt(row.excerpt),
    kind: kind(row.kind),
    visibility: visibility(row.visibility),
    language: language(row.language),
    categoryId: row.category_id,
    matchedTerms: Number(row.matched),
  };
}

export function presentVersionSummary(v: {
  version: number;
  title: string;
  note: string | null;
  author_user_id: number | null;
  author_name: string | null;
  created_at: Date;
}): Pick<KbVersionView, 'version' | 'title' | 'note' | 'authorId' | 'authorName' | 'createdAt'> {
  return {
    version: v.version,
    title: v.title,
    note: v.note,
    authorId: v.author_user_id,
    authorName: v.author_name,
    createdAt: v.created_at.toISOString(),
  };
}

export function presentVersion(row: {
  version: number;
  title: string;
  note: string | null;
  author_user_id: number | null;
  author_name: string | null;
  created_at: Date;
  category_id: number | null;
  kind: string;
  visibility: string;
  language: string;
  body_html: string;
  tags: string[];
}): KbVersionView {
  return {
    version: row.version,
    title: row.title,
    note: row.note,
    authorId: row.author_user_id,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    categoryId: row.category_id,
    kind: kind(row.kind),
    visibility: visibility(row.visibility),
    language: language(row.language),
    bodyHtml: row.body_html,
    tags: row.tags,
  };
}
