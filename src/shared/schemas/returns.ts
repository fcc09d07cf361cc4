import { z } from 'zod';
import { optionalText } from './common.ts';
import { compensationView } from './complaints.ts';

/**
 * 退货 (001): 《退货通知单》 notified by 营业部 → 资材部/仓储 signs for and counts the goods → 品保部
 * confirms the real defect → disposition (rework with a 《返工通知单》, replacement, scrap, refund) → closed.
 */
export const RETURN_STATUSES = [
  'notified',
  'received',
  'inspected',
  'disposed',
  'closed',
  'cancelled',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
/** The statuses on the way to closing, in order (cancelled is off the path). */
export const RETURN_PATH = ['notified', 'received', 'inspected', 'disposed', 'closed'] as const;

export const RETURN_DISPOSITIONS = ['rework', 'replace', 'scrap', 'refund'] as const;
export type ReturnDisposition = (typeof RETURN_DISPOSITIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive();
/** numeric(14, 3) */
const quantity = z.number().max(99_999_999_999);
const isoDate = z.iso.date();

export const returnItemInput = z.object({
  product: text(200),
  spec: optionalText(200),
  unit: optionalText(20),
  quantity: quantity.positive(),
});
export type ReturnItemInput = z.infer<typeof returnItemInput>;

/** 《退货通知单》: without a customer, the complaint's customer is taken. */
export const returnCreate = z.object({
  customerId: id.nullish(),
  complaintId: id.nullish(),
  orderRef: optionalText(100),
  reason: text(2000),
  items: z.array(returnItemInput).min(1).max(100),
});
export type ReturnCreate = z.infer<typeof returnCreate>;

/** 签收确认 / 点收: every item counted; a count different from the notice carries a note. */
export const returnReceive = z.object({
  items: z
    .array(z.object({ itemId: id, receivedQuantity: quantity.min(0), note: optionalText(500) }))
    .min(1)
    .max(100),
  note: optionalText(2000),
});
export type ReturnReceive = z.infer<typeof returnReceive>;

/** 依照退货单确认实际不良状况. */
export const returnInspect = z.object({
  defectConfirmed: z.boolean(),
  note: text(2000),
  items: z
    .array(z.object({ itemId: id, defectiveQuantity: quantity.min(0) }))
    .min(1)
    .max(100),
});
export type ReturnInspect = z.infer<typeof returnInspect>;

/** The fields a disposition needs depend on it; the server says which one is missing. */
export const returnDispose = z.object({
  disposition: z.enum(RETURN_DISPOSITIONS),
  note: optionalText(2000),
  reworkInstructions: optionalText(4000),
  reworkDueDate: isoDate.nullish(),
  replacementPlannedDate: isoDate.nullish(),
  refundAmount: z.number().positive().max(99_999_999_999_999).nullish(),
});
export type ReturnDispose = z.infer<typeof returnDispose>;

export const returnNote = z.object({ note: optionalText(1000) });
export const returnCancel = z.object({ reason: text(1000) });

export const returnListQuery = z.object({
  status: z.enum([...RETURN_STATUSES, 'open']).optional(),
  customerId: z.coerce.number().int().positive().optional(),
  complaintId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReturnListQuery = z.infer<typeof returnListQuery>;

export const returnItemView = z.object({
  id: z.number(),
  position: z.number(),
  product: z.string(),
  spec: z.string().nullable(),
  unit: z.string().nullable(),
  quantity: z.number(),
  receivedQuantity: z.number().nullable(),
  defectiveQuantity: z.number().nullable(),
  note: z.string().nullable(),
  /** Counted, and not the quantity the notice gave. */
  discrepancy: z.boolean(),
});
export type ReturnItemView = z.infer<typeof returnItemView>;

export const returnView = z.object({
  id: z.number(),
  number: z.string(),
  status: z.enum(RETURN_STATUSES),
  customerId: z.number(),
  customerName: z.string(),
  complaintId: z.number().nullable(),
  complaintNumber: z.string().nullable(),
  orderRef: z.string().nullable(),
  reason: z.string(),
  itemCount: z.number(),
  /** "产品A ×10、产品B ×2…" for lists. */
  itemsSummary: z.string(),
  disposition: z.enum(RETURN_DISPOSITIONS).nullable(),
  reworkNumber: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type ReturnView = z.infer<typeof returnView>;

export const returnAttachment = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  isImage: z.boolean(),
  url: z.string(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ReturnAttachment = z.infer<typeof returnAttachment>;

const who = { at: z.string().nullable(), byName: z.string().nullable() };

export const returnDetail = returnView.extend({
  requestedByName: z.string().nullable(),
  received: z.object({ ...who, note: z.string().nullable() }),
  inspected: z.object({
    ...who,
    defectConfirmed: z.boolean().nullable(),
    note: z.string().nullable(),
  }),
  disposed: z.object({ ...who, note: z.string().nullable() }),
  rework: z
    .object({
      number: z.string(),
      instructions: z.string().nullable(),
      dueDate: z.string().nullable(),
      doneAt: z.string().nullable(),
    })
    .nullable(),
  replacement: z
    .object({ plannedDate: z.string().nullable(), deliveredAt: z.string().nullable() })
    .nullable(),
  refundAmount: z.number().nullable(),
  cancelReason: z.string().nullable(),
  items: z.array(returnItemView),
  compensations: z.array(compensationView),
  attachments: z.array(returnAttachment),
  /** Everything the disposition needs is done: the notice may be closed. */
  closable: z.boolean(),
  /** A refund was rejected or withdrawn: the notice is to be disposed of again. */
  redisposable: z.boolean(),
});
export type ReturnDetail = z.infer<typeof returnDetail>;

export const returnAttachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});
