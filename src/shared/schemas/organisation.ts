import { z } from 'zod';
import { localeSchema } from './common.ts';

export const timeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown time zone' },
);

export const organisationView = z.object({
  name: z.string(),
  shortName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  timeZone: z.string(),
  defaultLocale: localeSchema,
});
export type OrganisationView = z.infer<typeof organisationView>;

export const organisationUpdate = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  shortName: z.string().trim().max(50).nullish(),
  address: z.string().trim().max(300).nullish(),
  phone: z.string().trim().max(50).nullish(),
  email: z
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  website: z.string().trim().max(200).nullish(),
  timeZone: timeZoneSchema.optional(),
  defaultLocale: localeSchema.optional(),
});

/** `{yyyy}{MM}{dd}` date parts (in the organisation's zone) and one `{seqN}` counter of N digits. */
export const NUMBER_PATTERN_TOKENS = [
  '{yyyy}',
  '{yy}',
  '{MM}',
  '{dd}',
  '{yyyyMMdd}',
  '{yyyyMM}',
  '{seq3}',
  '{seq4}',
  '{seq5}',
  '{seq6}',
];
export const numberPatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((p) => /\{seq[3-8]\}/.test(p) && (p.match(/\{seq\d\}/g) ?? []).length === 1, {
    message: 'needs exactly one {seqN}',
  })
  .refine(
    (p) =>
      (p.match(/\{[^}]*\}/g) ?? []).every((t) => /^\{(yyyy|yy|MM|dd|yyyyMMdd|yyyyMM|seq[3-8])\}$/.test(t)),
    {
      message: 'unknown token',
    },
  );

export const numberPatternView = z.object({
  kind: z.string(),
  pattern: z.string(),
  example: z.string(),
});
export const numberPatternUpdate = z.object({ pattern: numberPatternSchema });
