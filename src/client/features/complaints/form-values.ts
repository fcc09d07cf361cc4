import type { Dayjs } from 'dayjs';
import type {
  ComplaintCategory,
  ComplaintObject,
  ComplaintSeverity,
} from '../../../shared/complaints/complaint-flow.ts';
import type { ComplaintPatch, ComplaintView } from '../../api/complaints.ts';
import { dayjs } from '../../i18n/format.ts';

/*
 * Date-time pickers show wall-clock time in the organisation's zone (SPEC §0), whatever the browser's
 * zone is: a value goes in as that zone's wall clock and comes out as an instant with its offset.
 */
export const toPicker = (iso: string | null | undefined, zone: string): Dayjs | null =>
  iso ? dayjs(dayjs(iso).tz(zone).format('YYYY-MM-DDTHH:mm')) : null;

export const fromPicker = (value: Dayjs, zone: string): string =>
  dayjs.tz(value.format('YYYY-MM-DDTHH:mm:00'), zone).format();

/** A calendar day as the API wants it (`2026-11-23`). */
export const dayOf = (value: Dayjs): string => value.format('YYYY-MM-DD');

/** The organisation's today as a picker value. */
export const todayIn = (zone: string): Dayjs => dayjs(dayjs().tz(zone).format('YYYY-MM-DD'));

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** The 《客户投诉记录表》 fields as the form holds them. */
export interface RecordValues {
  objectType: ComplaintObject;
  objectRef?: string | null;
  product?: string | null;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  reason?: string | null;
  demand?: string | null;
  contactDetails?: string | null;
  promisedAt?: Dayjs | null;
  ownerUserId?: number | null;
}

export function recordPayload(v: RecordValues, zone: string) {
  return {
    objectType: v.objectType,
    objectRef: blank(v.objectRef),
    product: blank(v.product),
    category: v.category,
    severity: v.severity,
    reason: blank(v.reason),
    demand: blank(v.demand),
    contactDetails: blank(v.contactDetails),
    promisedAt: v.promisedAt ? fromPicker(v.promisedAt, zone) : null,
    ownerUserId: v.ownerUserId ?? null,
  };
}

export interface EditValues extends RecordValues {
  content: string;
}

export function editValuesOf(c: ComplaintView, zone: string): EditValues {
  return {
    content: c.content,
    objectType: c.objectType,
    objectRef: c.objectRef,
    product: c.product,
    category: c.category,
    severity: c.severity,
    reason: c.reason,
    demand: c.demand,
    contactDetails: c.contactDetails,
    promisedAt: toPicker(c.promisedAt, zone),
    ownerUserId: c.ownerUserId,
  };
}

export const editPayload = (v: EditValues, zone: string): ComplaintPatch => ({
  ...recordPayload(v, zone),
  content: v.content,
});
