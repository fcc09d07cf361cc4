import { z } from 'zod';
import { COMPLAINT_CATEGORIES } from '../complaints/complaint-flow.ts';
import { optionalText, patchOf } from './common.ts';

/** Where a CAPA (《纠正与预防措施报告》) comes from; `repeat` is only ever set by repeat detection. */
export const CAPA_SOURCES = [
  'complaint',
  'repeat',
  'survey',
  'quality_monitoring',
  'audit',
  'internal',
] as const;
export type CapaSource = (typeof CAPA_SOURCES)[number];
export const CAPA_MANUAL_SOURCES = [
  'complaint',
  'survey',
  'quality_monitoring',
  'audit',
  'internal',
] as const;

/** proposed → open (or dismissed) → in_progress → verifying → closed; not effective → in_progress again. */
export const CAPA_STATUSES = ['proposed', 'open', 'in_progress', 'verifying', 'closed', 'dismissed'] as const;
export type CapaStatus = (typeof CAPA_STATUSES)[number];
/** The statuses in which the report is still being worked on (fields and actions may change). */
export const CAPA_WORKING_STATUSES: readonly CapaStatus[] = ['open', 'in_progress'];

/** 人、机、料、法、环、测 and other. */
export const CAUSE_CATEGORIES = [
  'man',
  'machine',
  'material',
  'method',
  'environment',
  'measurement',
  'other',
] as const;
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

/** A change to a specification, standard or procedure is an action of its own, tracked to completion. */
export const CAPA_ACTION_KINDS = ['corrective', 'preventive', 'document_change'] as const;
export type CapaActionKind = (typeof CAPA_ACTION_KINDS)[number];
export const CAPA_ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CapaActionStatus = (typeof CAPA_ACTION_STATUSES)[number];

export const VERIFICATION_RESULTS = ['effective', 'not_effective'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive();
const ref = z.object({ id: z.number(), name: z.string() }).nullable();

/** The report's own fields: the problem, containment and the root-cause analysis. */
export const capaFields = {
  title: text(200),
  problem: text(8000),
  /** 围堵/临时措施. */
  containment: optionalText(4000),
  /** 5-why: each answer asks the next "why", at most five. */
  whyChain: z.array(text(1000)).max(5).default([]),
  causeCategory: z.enum(CAUSE_CATEGORIES).nullish(),
  rootCause: optionalText(4000),
  product: optionalText(200),
  complaintCategory: z.enum(COMPLAINT_CATEGORIES).nullish(),
  ownerUserId: id.nullish(),
  departmentId: id.nullish(),
  dueDate: z.iso.date().nullish(),
};

/** A new CAPA: standalone (survey, monitoring, audit, internal) or from a complaint (`complaintId`). */
export const capaCreate = z
  .object({
    source: z.enum(CAPA_MANUAL_SOURCES),
    complaintId: id.nullish(),
    ...capaFields,
  })
  .refine((c) => (c.source === 'complaint') === !!c.complaintId, {
    path: ['complaintId'],
    message: 'a complaint is given exactly when the source is complaint',
  });
export type CapaCreate = z.output<typeof capaCreate>;

export const capaUpdate = patchOf(z.object(capaFields));
export type CapaUpdate = z.output<typeof capaUpdate>;

export const capaDismiss = z.object({ reason: text(2000) });
export const capaVerify = z.object({
  result: z.enum(VERIFICATION_RESULTS),
  note: text(4000),
});
export type CapaVerify = z.output<typeof capaVerify>;

/** `documentRef` (which specification, standard or procedure) is required for a document change. */
export const capaActionFields = {
  kind: z.enum(CAPA_ACTION_KINDS),
  description: text(4000),
  documentRef: optionalText(300),
  ownerUserId: id.nullish(),
  dueDate: z.iso.date(),
};
export const capaActionCreate = z.object(capaActionFields);
export type CapaActionCreate = z.output<typeof capaActionCreate>;
export const capaActionUpdate = patchOf(capaActionCreate);
export type CapaActionUpdate = z.output<typeof capaActionUpdate>;
export const capaActionComplete = z.object({ note: text(4000) });
export const capaActionCancel = z.object({ note: optionalText(2000) });

export const capaActionView = z.object({
  id: z.number(),
  capaId: z.number(),
  kind: z.enum(CAPA_ACTION_KINDS),
  description: z.string(),
  documentRef: z.string().nullable(),
  owner: ref,
  dueDate: z.string(),
  status: z.enum(CAPA_ACTION_STATUSES),
  /** Open and its due date (organisation time zone) has passed. */
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CapaActionView = z.infer<typeof capaActionView>;

export const capaView = z.object({
  id: z.number(),
  number: z.string(),
  source: z.enum(CAPA_SOURCES),
  status: z.enum(CAPA_STATUSES),
  title: z.string(),
  problem: z.string(),
  containment: z.string().nullable(),
  whyChain: z.array(z.string()),
  causeCategory: z.enum(CAUSE_CATEGORIES).nullable(),
  rootCause: z.string().nullable(),
  product: z.string().nullable(),
  complaintCategory: z.enum(COMPLAINT_CATEGORIES).nullable(),
  owner: ref,
  department: ref,
  dueDate: z.string().nullable(),
  verification: z
    .object({
      by: ref,
      at: z.string(),
      result: z.enum(VERIFICATION_RESULTS),
      note: z.string().nullable(),
    })
    .nullable(),
  dismissReason: z.string().nullable(),
  createdBy: ref,
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  openActions: z.number(),
  overdueActions: z.number(),
});
export type CapaView = z.infer<typeof capaView>;

export const capaAttachment = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  isImage: z.boolean(),
  url: z.string(),
  uploadedBy: ref,
  createdAt: z.string(),
});
export type CapaAttachment = z.infer<typeof capaAttachment>;

export const capaLinkedComplaint = z.object({ id: z.number(), number: z.string() });

export const capaDetail = capaView.extend({
  actions: z.array(capaActionView),
  complaints: z.array(capaLinkedComplaint),
  /** Verification evidence and other files of the report. */
  attachments: z.array(capaAttachment),
});
export type CapaDetail = z.infer<typeof capaDetail>;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const capaListQuery = z.object({
  status: z.enum(CAPA_STATUSES).optional(),
  source: z.enum(CAPA_SOURCES).optional(),
  ownerUserId: z.coerce.number().int().positive().optional(),
  /** Only CAPAs with at least one open action past its due date. */
  overdue: flag,
  /** Text search: number, title, problem, containment, why-chain, root cause, product. */
  q: z.string().trim().max(100).optional(),
  cursor: z.string().regex(/^\d+$/).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CapaListQuery = z.output<typeof capaListQuery>;

export const CAPA_BOARD_STATUSES = ['proposed', 'open', 'in_progress', 'verifying', 'closed'] as const;
export const capaBoardQuery = capaListQuery.pick({ source: true, ownerUserId: true, overdue: true, q: true });
export type CapaBoardQuery = z.output<typeof capaBoardQuery>;

/** The board: per status column its total and its cards (the closed column: the most recently closed). */
export const capaBoard = z.object({
  columns: z.array(
    z.object({ status: z.enum(CAPA_BOARD_STATUSES), total: z.number(), items: z.array(capaView) }),
  ),
  dismissed: z.number(),
});
export type CapaBoard = z.infer<typeof capaBoard>;

export const capaAttachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});
export const capaActionParams = z.object({
  id: z.coerce.number().int().positive(),
  actionId: z.coerce.number().int().positive(),
});
