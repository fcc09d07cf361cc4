import type { Dayjs } from 'dayjs';
import { isApiError } from '../../api/client.ts';
import type {
  CustomerCreateInput,
  CustomerDetail,
  CustomerPatch,
  DuplicateCandidate,
} from '../../api/customers.ts';
import type { CustomerFieldView } from '../../api/customers-fields.ts';
import { dayjs } from '../../i18n/format.ts';
import { customFieldPayload } from '../tickets/CustomFieldInputs.tsx';

type CustomValue = string | number | null;

export interface ContactValues {
  name?: string;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  isPrimary?: boolean;
}

/** The customer form as antd holds it: text as typed, dates as dayjs. */
export interface CustomerValues {
  kind: 'company' | 'individual';
  name: string;
  shortName?: string;
  code?: string;
  industry?: string;
  region?: string;
  source?: string;
  tags?: string[];
  partnerSince?: Dayjs | null;
  notes?: string;
  address?: string;
  postalCode?: string;
  phone?: string;
  fax?: string;
  email?: string;
  website?: string;
  bankName?: string;
  bankAccount?: string;
  taxId?: string;
  idNumber?: string;
  annualSales?: number | null;
  salesYear?: number | null;
  class?: 'A' | 'B' | 'C' | null;
  creditLevel?: 'I' | 'II' | 'III' | null;
  creditLimit?: number | null;
  creditPeriodDays?: number | null;
  lifecycle?: 'prospect' | 'active';
  ownerUserId?: number | null;
  advisorUserId?: number | null;
  contacts?: ContactValues[];
  /** 自定义字段 by key: text, number, 'YYYY-MM-DD' or a choice value. */
  customFields?: Record<string, CustomValue | undefined>;
}

const text = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);

/** The editable file fields (everything PATCH takes) from the form. */
function fileFields(v: CustomerValues) {
  const individual = v.kind === 'individual';
  return {
    kind: v.kind,
    name: v.name.trim(),
    shortName: text(v.shortName),
    industry: text(v.industry),
    region: text(v.region),
    source: text(v.source),
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    partnerSince: v.partnerSince ? v.partnerSince.format('YYYY-MM-DD') : null,
    notes: text(v.notes),
    address: text(v.address),
    postalCode: text(v.postalCode),
    phone: text(v.phone),
    fax: text(v.fax),
    email: text(v.email),
    website: text(v.website),
    bankName: text(v.bankName),
    bankAccount: text(v.bankAccount),
    // An individual has an ID number and no tax id; a company the reverse.
    taxId: individual ? null : text(v.taxId),
    idNumber: individual ? text(v.idNumber) : null,
    annualSales: v.annualSales ?? null,
    salesYear: v.salesYear ?? null,
    ownerUserId: v.ownerUserId ?? null,
    advisorUserId: v.advisorUserId ?? null,
  };
}

/** Which approval-governed values the filer may set on a new customer (the server refuses the rest). */
export interface FilingRights {
  /** admission.approve: may file an active (admitted) customer. */
  admit: boolean;
  /** customer.classify: may give the class. */
  classify: boolean;
  /** credit.approve: may give credit level, limit and period. */
  credit: boolean;
}

export const filingRights = (can: (permission: string) => boolean): FilingRights => ({
  admit: can('admission.approve'),
  classify: can('customer.classify'),
  credit: can('credit.approve'),
});

const NO_RIGHTS: FilingRights = { admit: false, classify: false, credit: false };

/**
 * `fields`: the active custom fields, each sent (empty ones as null) so required ones are checked;
 * lifecycle, class and credit only when `rights` allow them.
 */
export function createInput(
  v: CustomerValues,
  allowDuplicate: boolean,
  fields: CustomerFieldView[] = [],
  rights: FilingRights = NO_RIGHTS,
): CustomerCreateInput {
  const code = text(v.code);
  return {
    ...fileFields(v),
    customFields: customFieldPayload(fields, v.customFields),
    ...(code ? { code } : {}),
    ...(rights.admit ? { lifecycle: v.lifecycle ?? 'active' } : {}),
    ...(rights.classify ? { class: v.class ?? null } : {}),
    ...(rights.credit
      ? {
          creditLevel: v.creditLevel ?? null,
          creditLimit: v.creditLimit ?? null,
          creditPeriodDays: v.creditPeriodDays ?? null,
        }
      : {}),
    contacts: (v.contacts ?? [])
      .filter((c) => c.name?.trim())
      .map((c) => ({
        name: c.name?.trim() ?? '',
        title: text(c.title),
        mobile: text(c.mobile),
        phone: text(c.phone),
        email: text(c.email),
        isPrimary: c.isPrimary ?? false,
      })),
    allowDuplicate,
  };
}

/**
 * What an edit changed, and nothing else. Masked phones and emails and the encrypted numbers start blank
 * in the form, so they are only sent when someone types a new value: a mask is never saved over the data.
 */
export function changedFields(
  v: CustomerValues,
  initial: CustomerValues,
  fields: CustomerFieldView[] = [],
): CustomerPatch {
  const next = fileFields(v);
  const before = fileFields(initial);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) patch[key] = next[key];
  }
  // The custom fields travel as a whole (the server checks them together): all active ones, when any changed.
  const custom = customFieldPayload(fields, v.customFields);
  if (JSON.stringify(custom) !== JSON.stringify(customFieldPayload(fields, initial.customFields)))
    patch.customFields = custom;
  if (!v.code?.trim() || v.code.trim() === initial.code) delete patch.code;
  else patch.code = v.code.trim();
  return patch as CustomerPatch;
}

export function initialValues(c: CustomerDetail): CustomerValues {
  const hidden = (value: string | null) => (c.masked ? '' : (value ?? ''));
  return {
    kind: c.kind,
    name: c.name,
    shortName: c.shortName ?? '',
    code: c.code,
    industry: c.industry ?? '',
    region: c.region ?? '',
    source: c.source ?? '',
    tags: c.tags,
    partnerSince: c.partnerSince ? dayjs(c.partnerSince) : null,
    notes: c.notes ?? '',
    address: c.address ?? '',
    postalCode: c.postalCode ?? '',
    phone: hidden(c.phone),
    fax: hidden(c.fax),
    email: hidden(c.email),
    website: c.website ?? '',
    bankName: c.bankName ?? '',
    bankAccount: '',
    taxId: c.taxId ?? '',
    idNumber: '',
    annualSales: c.annualSales,
    salesYear: c.salesYear,
    ownerUserId: c.owner?.id ?? null,
    advisorUserId: c.advisor?.id ?? null,
    customFields: storedCustomFields(c.customFields),
  };
}

/** The stored custom values the form can hold (the API types them loosely). */
function storedCustomFields(values: Record<string, unknown>): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  return out;
}

export const BLANK_CUSTOMER: Partial<CustomerValues> = {
  kind: 'company',
  lifecycle: 'active',
  tags: [],
  contacts: [{ isPrimary: true }],
};

/** The possible duplicates a 409 CUSTOMER_POSSIBLE_DUPLICATE carries, or null for any other error. */
export function duplicatesOf(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error, 409) || error.code !== 'CUSTOMER_POSSIBLE_DUPLICATE') return null;
  const details = error.details;
  if (!details || typeof details !== 'object' || !('candidates' in details)) return [];
  return Array.isArray(details.candidates) ? (details.candidates as DuplicateCandidate[]) : [];
}
