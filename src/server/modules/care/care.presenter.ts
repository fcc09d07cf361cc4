import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { careEventView, careRuleView } from '../../../shared/schemas/care.ts';
import type { CareRule } from '../../db/schema.ts';
import { day, num } from '../../http/present.ts';
import type { EventRow } from './care.queries.ts';

export const presentRule = (r: Selectable<CareRule>): z.infer<typeof careRuleView> => ({
  id: r.id,
  name: r.name,
  event: r.event as 'birthday',
  holidayOn: day(r.holiday_on),
  classes: r.classes,
  channel: r.channel as 'email',
  daysBefore: r.days_before,
  gift: r.gift,
  isActive: r.is_active,
});

export const presentEvent = (e: EventRow): z.infer<typeof careEventView> => ({
  id: e.id,
  ruleName: e.rule_name,
  customerId: e.customer_id,
  customerName: e.customer_name,
  contactName: e.contact_name,
  event: e.event,
  occasionOn: day(e.occasion_on)!,
  channel: e.channel,
  status: e.status,
  skipReason: e.skip_reason,
  gift: e.gift,
  giftCost: num(e.gift_cost),
  notes: e.notes,
  createdAt: e.created_at.toISOString(),
});
