import { z } from 'zod';
import { LOCALES } from '../locale.ts';

/** Knowledge base (SPEC §9): FAQ, product knowledge and answer scripts (应答话术). */
export const KB_KINDS = ['faq', 'product', 'script'] as const;
export const KB_VISIBILITIES = ['internal', 'public'] as const;
export const KB_STATUSES = ['draft', 'published', 'archived'] as const;
export type KbKind = (typeof KB_KINDS)[number];
export type KbVisibility = (typeof KB_VISIBILITIES)[number];
export type KbStatus = (typeof KB_STATUSES)[number];

const id = z.number().int().positive();
const queryId = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

// ---------------------------------------------------------------- categories

const nameFields = z.object({
  'zh-CN': text(100).default(''),
  'zh-TW': text(100).default(''),
  en: text(100).default(''),
});
/** A category name in each UI language; at least one must be filled. */
export const kbCategoryName = nameFields.refine((name) => Object.values(name).some((v) => v !== ''), {
  message: 'at least one language',
  path: ['zh-CN'],
});
export type KbCategoryName = z.infer<typeof kbCategoryName>;

export const kbCategoryCreate = z.object({
  name: kbCategoryName,
  parentId: id.nullish(),
  sortOrder: z.number().int().min(-100_000).max(100_000).default(0),
});
export type KbCategoryCreate = z.input<typeof kbCategoryCreate>;
export const kbCategoryUpdate = z.object({
  name: kbCategoryName.optional(),
  parentId: id.nullish(),
  sortOrder: z.number().int().min(-100_000).max(100_000).optional(),
});

const localisedName = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });

export const kbCategoryView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: localisedName,
  sortOrder: z.number(),
  /** Articles directly in this category that the caller may see. */
  articleCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KbCategoryView = z.infer<typeof kbCategoryView>;

export const kbPublicCategoryView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: localisedName,
  sortOrder: z.number(),
  /** Published public articles in this category and below it. */
  articleCount: z.number(),
});

// ---------------------------------------------------------------- articles

export const kbArticleCreate = z.object({
  categoryId: id.nullish(),
  kind: z.enum(KB_KINDS).default('faq'),
  visibility: z.enum(KB_VISIBILITIES).default('internal'),
  language: z.enum(LOCALES).default('zh-CN'),
  title: text(200).min(1),
  /** Rich text from the editor; sanitised on save (only formatting, links and images survive). */
  bodyHtml: z.string().max(500_000).default(''),
  tags: z.array(text(50).min(1)).max(20).default([]),
  /** What changed, kept with the version. */
  note: text(500).nullish(),
});
export type KbArticleCreate = z.input<typeof kbArticleCreate>;

export const kbArticleUpdate = z.object({
  categoryId: id.nullish(),
  kind: z.enum(KB_KINDS).optional(),
  visibility: z.enum(KB_VISIBILITIES).optional(),
  language: z.enum(LOCALES).optional(),
  title: text(200).min(1).optional(),
  bodyHtml: z.string().max(500_000).optional(),
  tags: z.array(text(50).min(1)).max(20).optional(),
  note: text(500).nullish(),
  /** The version the editor started from; a newer saved version answers 409 KB_VERSION_CONFLICT. */
  expectedVersion: z.number().int().positive().optional(),
});
export type KbArticleUpdate = z.infer<typeof kbArticleUpdate>;

export const kbArticleView = z.object({
  id: z.number(),
  categoryId: z.number().nullable(),
  categoryName: localisedName.nullable(),
  kind: z.enum(KB_KINDS),
  visibility: z.enum(KB_VISIBILITIES),
  status: z.enum(KB_STATUSES),
  language: z.enum(LOCALES),
  title: z.string(),
  bodyHtml: z.string(),
  /** Plain text of the body, e.g. for inserting into a reply. */
  bodyText: z.string(),
  tags: z.array(z.string()),
  version: z.number(),
  versionCount: z.number(),
  authorId: z.number().nullable(),
  authorName: z.string().nullable(),
  updatedById: z.number().nullable(),
  updatedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedById: z.number().nullable(),
  publishedByName: z.string().nullable(),
  viewCount: z.number(),
  helpfulCount: z.number(),
  unhelpfulCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KbArticleView = z.infer<typeof kbArticleView>;

export const kbArticleSummary = z.object({
  id: z.number(),
  categoryId: z.number().nullable(),
  kind: z.enum(KB_KINDS),
  visibility: z.enum(KB_VISIBILITIES),
  status: z.enum(KB_STATUSES),
  language: z.enum(LOCALES),
  title: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  version: z.number(),
  authorName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  viewCount: z.number(),
  helpfulCount: z.number(),
  unhelpfulCount: z.number(),
  updatedAt: z.string(),
});
export type KbArticleSummary = z.infer<typeof kbArticleSummary>;

export const kbArticleListQuery = z.object({
  /** This category and every category below it. */
  categoryId: queryId.optional(),
  kind: z.enum(KB_KINDS).optional(),
  visibility: z.enum(KB_VISIBILITIES).optional(),
  status: z.enum(KB_STATUSES).optional(),
  language: z.enum(LOCALES).optional(),
  tag: text(50).optional(),
  /** Full-text over title, body and tags; results then come best match first. */
  q: text(200).optional(),
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type KbArticleListQuery = z.infer<typeof kbArticleListQuery>;

export const kbVersionSummary = z.object({
  version: z.number(),
  title: z.string(),
  note: z.string().nullable(),
  authorId: z.number().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export const kbVersionView = kbVersionSummary.extend({
  categoryId: z.number().nullable(),
  kind: z.enum(KB_KINDS),
  visibility: z.enum(KB_VISIBILITIES),
  language: z.enum(LOCALES),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
});
export type KbVersionView = z.infer<typeof kbVersionView>;
export const kbVersionParams = z.object({
  id: queryId,
  version: z.coerce.number().int().positive(),
});

export const kbFeedback = z.object({ helpful: z.boolean() });
export const kbFeedbackResult = z.object({
  helpfulCount: z.number(),
  unhelpfulCount: z.number(),
  yourVote: z.enum(['helpful', 'unhelpful']),
});

/** Suggestions take whatever was typed: odd input gives no suggestions, never an error. */
const typedText = z.union([z.string(), z.array(z.string())]).optional();
export const kbSuggestQuery = z.object({
  text: typedText,
  /** Preferred language (articles in it come first among equal matches); not a filter. */
  language: z.string().max(20).optional(),
});
export const kbStaffSuggestQuery = kbSuggestQuery.extend({
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const kbSuggestion = z.object({
  id: z.number(),
  title: z.string(),
  excerpt: z.string(),
  kind: z.enum(KB_KINDS),
  visibility: z.enum(KB_VISIBILITIES),
  language: z.enum(LOCALES),
  categoryId: z.number().nullable(),
  /** How many of the significant terms of the typed text the article contains. */
  matchedTerms: z.number(),
});
export type KbSuggestion = z.infer<typeof kbSuggestion>;

// ---------------------------------------------------------------- public portal

export const kbPublicListQuery = z.object({
  q: text(200).optional(),
  /** A category id: this category and every category below it. */
  category: queryId.optional(),
  language: z.enum(LOCALES).optional(),
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const kbPublicArticleSummary = z.object({
  id: z.number(),
  categoryId: z.number().nullable(),
  kind: z.enum(KB_KINDS),
  language: z.enum(LOCALES),
  title: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type KbPublicArticleSummary = z.infer<typeof kbPublicArticleSummary>;

export const kbPublicArticleView = kbPublicArticleSummary.omit({ excerpt: true }).extend({
  categoryName: localisedName.nullable(),
  bodyHtml: z.string(),
  helpfulCount: z.number(),
});
export type KbPublicArticleView = z.infer<typeof kbPublicArticleView>;
