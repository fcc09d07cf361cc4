import { z } from 'zod';
import { optionalText, patchOf } from './common.ts';

export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export const CUSTOMER_CLASSES = ['A', 'B', 'C'] as const;
export const CREDIT_LEVELS = ['I', 'II', 'III'] as const;
export const LIFECYCLES = ['prospect', 'pending_approval', 'active', 'dormant', 'lost'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const CONTACT_CHANNELS = ['phone', 'mobile', 'email', 'sms', 'wechat', 'visit', 'letter'] as const;
/** Fields that are masked for roles without customer.view_sensitive, and revealed one by one (audited). */
export const REVEALABLE = ['bankAccount', 'idNumber'] as const;

const money = z.number().min(0).max(99_999_999_999_999);
const isoDate = z.iso.date();
const id = z.number().int().positive();
const tags = z.array(z.string().trim().min(1).max(30)).max(30);

/** 《客户一览表》 fields as the file form edits them. Bank account and ID number go in plain and are stored encrypted. */
export const customerFields = {
  kind: z.enum(CUSTOMER_KINDS).default('company'),
  code: optionalText(40),
  name: z.string().trim().min(1).max(200),
  shortName: optionalText(60),
  address: optionalText(300),
  postalCode: optionalText(20),
  phone: optionalText(50),
  fax: optionalText(50),
  email: z
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  website: optionalText(200),
  bankName: optionalText(100),
  bankAccount: optionalText(60),
  taxId: optionalText(40),
  idNumber: optionalText(40),
  industry: optionalText(60),
  region: optionalText(60),
  source: optionalText(60),
  annualSales: money.nullish(),
  salesYear: z.number().int().min(1990).max(2100).nullish(),
  tags: tags.default([]),
  notes: optionalText(4000),
  ownerUserId: id.nullish(),
  advisorUserId: id.nullish(),
  partnerSince: isoDate.nullish(),
  customFields: z
    .record(z.string().max(50), z.union([z.string().max(2000), z.number(), z.null()]))
    .default({}),
};

export const contactFields = {
  name: z.string().trim().min(1).max(100),
  title: optionalText(100),
  department: optionalText(100),
  phone: optionalText(50),
  mobile: optionalText(50),
  email: z
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  wechat: optionalText(60),
  birthday: isoDate.nullish(),
  preferredChannel: z.enum(CONTACT_CHANNELS).nullish(),
  isPrimary: z.boolean().default(false),
  isActive: z.boolean().default(true),
  notes: optionalText(2000),
};
export const contactCreate = z.object(contactFields);
export type ContactCreate = z.output<typeof contactCreate>;
export const contactUpdate = patchOf(contactCreate);
export type ContactUpdate = z.output<typeof contactUpdate>;

export const customerCreate = z.object({
  ...customerFields,
  /**
   * Back-filing an existing customer makes it active, which only an approver of admissions may do (and for
   * them it is the default); everyone else files a prospect that goes through admission later. Class and
   * credit likewise need customer.classify / credit.approve.
   */
  lifecycle: z.enum(['prospect', 'active']).optional(),
  class: z.enum(CUSTOMER_CLASSES).nullish(),
  creditLevel: z.enum(CREDIT_LEVELS).nullish(),
  creditLimit: money.nullish(),
  creditPeriodDays: z.number().int().min(0).max(3650).nullish(),
  contacts: z.array(contactCreate).max(20).default([]),
  /** Set after the user has seen the possible duplicates and still wants a new customer. */
  allowDuplicate: z.boolean().default(false),
});
export type CustomerCreate = z.output<typeof customerCreate>;

/** Class, credit and lifecycle have their own audited actions; everything else is edited here. */
export const customerUpdate = patchOf(z.object(customerFields));
export type CustomerUpdate = z.output<typeof customerUpdate>;

export const contactView = z.object({
  id: z.number(),
  customerId: z.number().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  birthday: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  isPrimary: z.boolean(),
  isActive: z.boolean(),
  notes: z.string().nullable(),
  /** none / invited (not yet signed in) / active / disabled. */
  portalStatus: z.enum(['none', 'invited', 'active', 'disabled']),
  masked: z.boolean(),
});
export type ContactView = z.infer<typeof contactView>;

const userRef = z.object({ id: z.number(), name: z.string() }).nullable();

export const customerView = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  bankName: z.string().nullable(),
  /** Always masked here (**** 1234); POST …/reveal shows it in full and audits that. */
  bankAccount: z.string().nullable(),
  taxId: z.string().nullable(),
  idNumber: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  source: z.string().nullable(),
  annualSales: z.number().nullable(),
  salesYear: z.number().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  class: z.enum(CUSTOMER_CLASSES).nullable(),
  classReason: z.string().nullable(),
  classChangedAt: z.string().nullable(),
  creditLevel: z.enum(CREDIT_LEVELS).nullable(),
  creditLimit: z.number().nullable(),
  creditPeriodDays: z.number().nullable(),
  lifecycle: z.enum(LIFECYCLES),
  lifecycleChangedAt: z.string().nullable(),
  lostReason: z.string().nullable(),
  owner: userRef,
  advisor: userRef,
  partnerSince: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  mergedIntoId: z.number().nullable(),
  openTickets: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True when phones, emails and numbers above are masked for the caller. */
  masked: z.boolean(),
});
export type CustomerView = z.infer<typeof customerView>;

export const customerDetail = customerView.extend({ contacts: z.array(contactView) });
export type CustomerDetail = z.infer<typeof customerDetail>;

export const customerListItem = customerView.pick({
  id: true,
  code: true,
  kind: true,
  name: true,
  shortName: true,
  phone: true,
  industry: true,
  region: true,
  tags: true,
  class: true,
  creditLevel: true,
  lifecycle: true,
  owner: true,
  advisor: true,
  lastActivityAt: true,
  openTickets: true,
  createdAt: true,
  masked: true,
});
export type CustomerListItem = z.infer<typeof customerListItem>;

export const customerListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  view: z.enum(['all', 'mine', 'key_accounts', 'pending', 'dormant']).default('all'),
  class: z.enum([...CUSTOMER_CLASSES, 'none']).optional(),
  creditLevel: z.enum(CREDIT_LEVELS).optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  region: z.string().trim().max(60).optional(),
  industry: z.string().trim().max(60).optional(),
  advisorUserId: z.coerce.number().int().positive().optional(),
  ownerUserId: z.coerce.number().int().positive().optional(),
  tag: z.string().trim().max(30).optional(),
  sort: z.enum(['newest', 'name', 'activity']).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CustomerListQuery = z.output<typeof customerListQuery>;

export const duplicateCandidate = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  lifecycle: z.string(),
  /** name / similar_name / tax_id / phone / email */
  matchedOn: z.array(z.string()),
});
export const duplicateQuery = z.object({
  name: z.string().trim().max(200).optional(),
  taxId: z.string().trim().max(40).optional(),
  phone: z.string().trim().max(50).optional(),
  email: z.string().trim().max(200).optional(),
  excludeId: z.coerce.number().int().positive().optional(),
});

export const classChange = z.object({
  class: z.enum(CUSTOMER_CLASSES).nullable(),
  reason: z.string().trim().min(1).max(500),
});
export const classSuggestion = z.object({
  current: z.enum(CUSTOMER_CLASSES).nullable(),
  suggested: z.enum(CUSTOMER_CLASSES),
  /** Facts the suggestion rests on, for the UI to phrase: sales, requests in the period, last activity. */
  facts: z.object({
    annualSales: z.number().nullable(),
    requestsLastYear: z.number(),
    daysSinceActivity: z.number().nullable(),
    rule: z.string(),
  }),
});

export const lifecycleChange = z.object({
  to: z.enum(['active', 'dormant', 'lost']),
  reason: z.string().trim().max(500).optional(),
});

export const revealRequest = z.object({ field: z.enum(REVEALABLE) });
export const revealResponse = z.object({ field: z.enum(REVEALABLE), value: z.string().nullable() });

export const mergeRequest = z.object({ sourceId: id });

export const ACTIVITY_KINDS = ['note', 'visit', 'meeting', 'call', 'email', 'chat', 'care', 'other'] as const;
export const activityCreate = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  subject: z.string().trim().min(1).max(200),
  body: optionalText(8000),
  contactId: id.nullish(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

export const TIMELINE_KINDS = ['request', 'call', 'activity', 'application', 'credit', 'care'] as const;
export const timelineQuery = z.object({
  kinds: z
    .string()
    .max(200)
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined)),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const timelineItem = z.object({
  /** kind:id, stable across pages. */
  key: z.string(),
  kind: z.string(),
  /** A finer type within the kind: the activity kind, the call direction, the request status. */
  subtype: z.string().nullable(),
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  refId: z.number(),
  actorName: z.string().nullable(),
});

/** Per-class service plan (SPEC §3): revisit frequency, survey coverage, the SLA policy that applies. */
export const servicePlan = z.object({
  revisitDays: z.number().int().min(1).max(730),
  surveyCoveragePercent: z.number().int().min(0).max(100),
  slaPolicyId: z.number().int().positive().nullable(),
  greetings: z.boolean(),
});
export const customerSettings = z.object({
  /** Active customers with no contact for this many days become dormant. */
  dormancyDays: z.number().int().min(30).max(3650),
  /** Suggested class: annual sales at or above these amounts, else by requests in the last year. */
  classAMinSales: z.number().min(0),
  classBMinSales: z.number().min(0),
  classBMinRequests: z.number().int().min(1),
  plans: z.object({ A: servicePlan, B: servicePlan, C: servicePlan }),
});
export type CustomerSettings = z.infer<typeof customerSettings>;
