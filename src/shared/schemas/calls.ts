import { z } from 'zod';

export const CALL_RESULTS = [
  'resolved',
  'ticket_created',
  'callback',
  'transferred',
  'no_answer',
  'voicemail',
  'other',
] as const;
const phone = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[+0-9()\- #*]+$/);

export const callCreate = z.object({
  direction: z.enum(['inbound', 'outbound']),
  number: phone,
  contactId: z.number().int().positive().nullish(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  durationSeconds: z.number().int().min(0).max(86_400).nullish(),
  purpose: z.string().trim().max(200).nullish(),
  result: z.enum(CALL_RESULTS).nullish(),
  notes: z.string().trim().max(5000).nullish(),
  ticketId: z.number().int().positive().nullish(),
});

export const callView = z.object({
  id: z.number(),
  direction: z.string(),
  number: z.string(),
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  agentUserId: z.number().nullable(),
  agentName: z.string().nullable(),
  ticketId: z.number().nullable(),
  state: z.string(),
  startedAt: z.string(),
  durationSeconds: z.number().nullable(),
  purpose: z.string().nullable(),
  result: z.string().nullable(),
  notes: z.string().nullable(),
});
export type CallView = z.infer<typeof callView>;

export const callListQuery = z.object({
  direction: z.enum(['inbound', 'outbound']).optional(),
  agentUserId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  number: z.string().max(40).optional(),
  /** Text search over the number (any format), purpose, result and notes. */
  q: z.string().max(200).optional(),
  cursor: z.string().max(30).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** What a telephony system posts (CTI): one call moving through ringing → answered → ended. */
export const telephonyEvent = z.object({
  callId: z.string().trim().min(1).max(100),
  event: z.enum(['ringing', 'answered', 'ended', 'missed']),
  direction: z.enum(['inbound', 'outbound']),
  number: phone,
  agentUsername: z.string().max(100).nullish(),
  at: z.iso.datetime({ offset: true }).optional(),
  durationSeconds: z.number().int().min(0).max(86_400).nullish(),
});

export const callerLookup = z.object({
  contact: z
    .object({
      id: z.number(),
      name: z.string(),
      customerId: z.number().nullable(),
      customerName: z.string().nullable(),
    })
    .nullable(),
  openTickets: z.array(
    z.object({ id: z.number(), number: z.string(), subject: z.string(), status: z.string() }),
  ),
  recentCalls: z.number(),
});
