import { z } from 'zod';

/** The kinds of record the global search (header, Ctrl+K) looks in, in the order shown. */
export const SEARCH_KINDS = [
  'ticket',
  'customer',
  'contact',
  'complaint',
  'capa',
  'return',
  'kb_article',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const globalSearchQuery = z.object({
  /** Any text: Chinese or English words, a record number, a phone number in any format, pinyin or its initials. */
  q: z.string().trim().min(1).max(100),
  /** At most this many hits per kind. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type GlobalSearchQuery = z.output<typeof globalSearchQuery>;

export const globalSearchHit = z.object({
  id: z.number(),
  /** The record's number (request, complaint, CAPA, return number; customer code), when it has one. */
  number: z.string().nullable(),
  title: z.string(),
  /** A second line: the customer, the status, the contact's company … */
  subtitle: z.string().nullable(),
  /** For a contact: the customer file that holds it (the link goes there). */
  customerId: z.number().nullable(),
});
export type GlobalSearchHit = z.infer<typeof globalSearchHit>;

export const globalSearchResult = z.object({
  /** Only the kinds the caller may read, each with its best (newest) hits. */
  groups: z.array(z.object({ kind: z.enum(SEARCH_KINDS), items: z.array(globalSearchHit) })),
});
export type GlobalSearchResult = z.infer<typeof globalSearchResult>;
