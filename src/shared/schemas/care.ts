import { z } from 'zod';
import { optionalText, patchOf } from './common.ts';
import { CUSTOMER_CLASSES } from './customers.ts';

export const CARE_EVENTS = ['birthday', 'anniversary', 'holiday'] as const;
export const CARE_RECORDS = ['gift', 'visit', 'other'] as const;

const careRuleFields = z.object({
  name: z.string().trim().min(1).max(100),
  event: z.enum(CARE_EVENTS),
  /** The holiday's date this year (春节 moves; enter each year's date). */
  holidayOn: z.iso.date().nullish(),
  classes: z.array(z.enum(CUSTOMER_CLASSES)).min(1).default(['A', 'B']),
  channel: z.enum(['email', 'sms']),
  daysBefore: z.number().int().min(0).max(60).default(0),
  gift: optionalText(200),
  isActive: z.boolean().default(true),
});
/** A holiday rule names its date (the holiday moves from year to year). */
export const careRuleCreate = careRuleFields.refine((r) => r.event !== 'holiday' || !!r.holidayOn, {
  path: ['holidayOn'],
  message: 'required for a holiday',
});
export const careRuleUpdate = patchOf(careRuleFields);
export const careRuleView = z.object({
  id: z.number(),
  name: z.string(),
  event: z.enum(CARE_EVENTS),
  holidayOn: z.string().nullable(),
  classes: z.array(z.string()),
  channel: z.enum(['email', 'sms']),
  daysBefore: z.number(),
  gift: z.string().nullable(),
  isActive: z.boolean(),
});

/** A gift, visit or other care given by hand (the scheduled greetings record themselves). */
export const careRecordCreate = z.object({
  event: z.enum(CARE_RECORDS),
  contactId: z.number().int().positive().nullish(),
  occasionOn: z.iso.date(),
  gift: optionalText(200),
  giftCost: z.number().min(0).max(9_999_999).nullish(),
  notes: optionalText(1000),
});

export const careEventView = z.object({
  id: z.number(),
  ruleName: z.string().nullable(),
  customerId: z.number(),
  customerName: z.string(),
  contactName: z.string().nullable(),
  event: z.string(),
  occasionOn: z.string(),
  channel: z.string().nullable(),
  status: z.string(),
  skipReason: z.string().nullable(),
  gift: z.string().nullable(),
  giftCost: z.number().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});

export const careEventListQuery = z.object({
  customerId: z.coerce.number().int().positive().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().regex(/^\d+$/).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
