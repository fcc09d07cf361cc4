import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  categoryView,
  fieldView,
  slaPolicyView,
  ticketTypeView,
} from '../../../shared/schemas/ticket-config.ts';
import type { SlaPolicy, TicketCategory, TicketField, TicketType } from '../../db/schema.ts';

type Label = z.infer<typeof ticketTypeView>['label'];

export const presentType = (r: Selectable<TicketType>): z.infer<typeof ticketTypeView> => ({
  id: r.id,
  code: r.code,
  label: r.label as Label,
  isActive: r.is_active,
  sortOrder: r.sort_order,
});
export const presentCategory = (r: Selectable<TicketCategory>): z.infer<typeof categoryView> => ({
  id: r.id,
  parentId: r.parent_id,
  label: r.label as Label,
  isActive: r.is_active,
  sortOrder: r.sort_order,
});
export const presentField = (r: Selectable<TicketField>): z.infer<typeof fieldView> => ({
  id: r.id,
  typeId: r.type_id,
  key: r.key,
  label: r.label as Label,
  kind: r.kind as z.infer<typeof fieldView>['kind'],
  options: r.options as z.infer<typeof fieldView>['options'],
  required: r.required,
  sortOrder: r.sort_order,
  isActive: r.is_active,
});
export const presentPolicy = (r: Selectable<SlaPolicy>): z.infer<typeof slaPolicyView> => ({
  id: r.id,
  name: r.name,
  position: r.position,
  conditions: r.conditions as z.infer<typeof slaPolicyView>['conditions'],
  targets: r.targets as z.infer<typeof slaPolicyView>['targets'],
  clock: r.clock as 'business' | 'calendar',
  calendarId: r.calendar_id,
  warningPercent: r.warning_percent,
  isActive: r.is_active,
});
