import { z } from 'zod';
import { PRIORITIES } from '../tickets/ticket-status.ts';
import { patchOf } from './common.ts';

const id = z.number().int().positive();
/** A label in the three UI languages; at least Simplified Chinese. */
export const localisedLabel = z.object({
  'zh-CN': z.string().trim().min(1).max(100),
  'zh-TW': z.string().trim().max(100).default(''),
  en: z.string().trim().max(100).default(''),
});

export const ticketTypeCreate = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,40}$/),
  label: localisedLabel,
  isActive: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export const ticketTypeUpdate = patchOf(ticketTypeCreate.omit({ code: true }));
export const ticketTypeView = z.object({
  id: z.number(),
  code: z.string(),
  label: localisedLabel,
  isActive: z.boolean(),
  sortOrder: z.number(),
});

export const categoryCreate = z.object({
  parentId: id.nullish(),
  label: localisedLabel,
  isActive: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export const categoryUpdate = patchOf(categoryCreate);
export const categoryView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  label: localisedLabel,
  isActive: z.boolean(),
  sortOrder: z.number(),
});

export const FIELD_KINDS = ['text', 'number', 'date', 'choice'] as const;
export const fieldCreate = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,40}$/),
  label: localisedLabel,
  kind: z.enum(FIELD_KINDS),
  options: z
    .array(z.object({ value: z.string().trim().min(1).max(50), label: localisedLabel }))
    .max(100)
    .default([]),
  required: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
  isActive: z.boolean().default(true),
});
export const fieldUpdate = patchOf(fieldCreate.omit({ key: true }));
export const fieldView = fieldCreate.extend({ id: z.number(), typeId: z.number() });
export type FieldView = z.infer<typeof fieldView>;

/** Custom field values as sent with a request: text, number, 'yyyy-MM-dd' date or a choice value. */
export const customFieldValues = z.record(
  z.string().max(50),
  z.union([z.string().max(2000), z.number(), z.null()]),
);

const minutes = z.number().int().min(1).max(525_600);
export const slaTargetSchema = z.object({
  firstResponse: minutes,
  nextResponse: minutes.optional(),
  resolution: minutes,
});
export const slaPolicyCreate = z.object({
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(100_000).default(10),
  conditions: z
    .object({
      typeIds: z.array(id).optional(),
      priorities: z.array(z.enum(PRIORITIES)).optional(),
      channels: z.array(z.string()).optional(),
      customerClasses: z.array(z.enum(['A', 'B', 'C'])).optional(),
    })
    .default({}),
  targets: z.object({
    urgent: slaTargetSchema,
    high: slaTargetSchema,
    normal: slaTargetSchema,
    low: slaTargetSchema,
  }),
  clock: z.enum(['business', 'calendar']).default('business'),
  calendarId: id.nullish(),
  warningPercent: z.number().int().min(1).max(99).default(80),
  isActive: z.boolean().default(true),
});
export const slaPolicyUpdate = patchOf(slaPolicyCreate);
export const slaPolicyView = slaPolicyCreate.extend({ id: z.number(), calendarId: z.number().nullable() });

export const cannedCreate = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  category: z.string().trim().max(50).nullish(),
  language: z.enum(['zh-CN', 'zh-TW', 'en']).nullish(),
  /** Shared with everyone (needs ticket.configure) or personal. */
  shared: z.boolean().default(false),
});
export const cannedUpdate = patchOf(cannedCreate);
export const cannedView = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  category: z.string().nullable(),
  language: z.string().nullable(),
  shared: z.boolean(),
  ownerUserId: z.number().nullable(),
});
/** Variables a canned response may use, filled from the request it is inserted into. */
export const CANNED_VARIABLES = [
  '{{customer.name}}',
  '{{contact.name}}',
  '{{ticket.number}}',
  '{{ticket.subject}}',
  '{{ticket.resolutionDue}}',
  '{{agent.name}}',
  '{{organisation.name}}',
] as const;
