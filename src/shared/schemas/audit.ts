import { z } from 'zod';

export const auditChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const auditEntryView = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorUserId: z.number().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  entityLabel: z.string().nullable(),
  changes: z.array(auditChange),
  ip: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditListQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  actorUserId: z.coerce.number().int().positive().optional(),
  action: z.string().max(50).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
