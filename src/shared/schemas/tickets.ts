import { z } from 'zod';
import {
  CHANNELS,
  COMPLEXITIES,
  PRIORITIES,
  TICKET_STAGES,
  TICKET_STATUSES,
} from '../tickets/ticket-status.ts';
import { patchOf } from './common.ts';
import { customFieldValues } from './ticket-config.ts';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

export const ticketCreate = z.object({
  channel: z.enum(CHANNELS).default('web'),
  typeId: id,
  categoryId: id.nullish(),
  priority: z.enum(PRIORITIES).default('normal'),
  complexity: z.enum(COMPLEXITIES).default('simple'),
  subject: text(200).min(1),
  description: text(20_000).default(''),
  customerId: id.nullish(),
  contactId: id.nullish(),
  /** A caller not yet on file: a contact is created (and matched by email/phone next time). */
  newContact: z
    .object({
      name: text(100).min(1),
      email: z.email().max(200).nullish(),
      phone: text(50).nullish(),
      company: text(200).nullish(),
    })
    .nullish(),
  product: text(200).nullish(),
  orderRef: text(100).nullish(),
  shipmentRef: text(100).nullish(),
  language: z.enum(['zh-CN', 'zh-TW', 'en']).nullish(),
  tags: z.array(text(50).min(1)).max(20).default([]),
  assigneeId: id.nullish(),
  teamId: id.nullish(),
  customFields: customFieldValues.default({}),
});
export type TicketCreate = z.input<typeof ticketCreate>;

export const ticketUpdate = patchOf(
  ticketCreate.pick({
    typeId: true,
    categoryId: true,
    priority: true,
    complexity: true,
    subject: true,
    product: true,
    orderRef: true,
    shipmentRef: true,
    tags: true,
    customFields: true,
  }),
).extend({ stage: z.enum(TICKET_STAGES).nullish() });
export type TicketUpdate = z.input<typeof ticketUpdate>;

export const ticketTransition = z.object({
  status: z.enum(TICKET_STATUSES),
  /** Why (required for reopening and for closing without resolution). */
  reason: text(500).nullish(),
});

export const ticketAssign = z.object({
  assigneeId: id.nullable(),
  teamId: id.nullish(),
  reason: text(500).nullish(),
});

export const ticketMessageCreate = z.object({
  kind: z.enum(['public', 'internal']),
  body: text(50_000).min(1),
  /** Files uploaded to the request beforehand (POST /api/v1/tickets/:id/attachments), sent with this message. */
  attachmentIds: z.array(id).max(20).optional(),
});

export const slaClockView = z.object({
  dueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  breached: z.boolean(),
  /** ok | warning (past the policy's warning share) | breached | done | paused */
  state: z.enum(['ok', 'warning', 'breached', 'done', 'paused', 'none']),
});

export const ticketView = z.object({
  id: z.number(),
  number: z.string(),
  channel: z.string(),
  typeId: z.number(),
  typeCode: z.string(),
  categoryId: z.number().nullable(),
  priority: z.string(),
  complexity: z.string(),
  subject: z.string(),
  description: z.string(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  /** The contact came from the public form and has not been confirmed (by their email or an agent). */
  contactUnverified: z.boolean(),
  product: z.string().nullable(),
  orderRef: z.string().nullable(),
  shipmentRef: z.string().nullable(),
  status: z.string(),
  stage: z.string().nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  teamId: z.number().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  firstResponse: slaClockView,
  resolution: slaClockView,
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The customer's rating of the resolution (portal or survey link), 1–5. */
  satisfaction: z
    .object({ score: z.number(), comment: z.string().nullable(), ratedAt: z.string().nullable() })
    .nullable(),
  allowedTransitions: z.array(z.string()),
});
export type TicketView = z.infer<typeof ticketView>;

export const ticketMessageView = z.object({
  id: z.number(),
  kind: z.string(),
  channel: z.string().nullable(),
  authorUserId: z.number().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const ticketListQuery = z.object({
  view: z.enum(['all', 'mine', 'unassigned', 'open', 'due_soon', 'breached', 'waiting']).default('all'),
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  channel: z.enum(CHANNELS).optional(),
  typeId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  tag: text(50).optional(),
  q: text(200).optional(),
  /** newest first (default), most recently updated first, or soonest resolution due first. */
  sort: z.enum(['newest', 'updated', 'due']).default('newest'),
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;
