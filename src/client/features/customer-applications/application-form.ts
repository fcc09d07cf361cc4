import type {
  ApplicationCreateInput,
  ApplicationDetail,
  ApplicationPatch,
} from '../../api/customer-applications.ts';

type CreditLevel = 'I' | 'II' | 'III';

/** The 《新客户申请表》 as antd holds it: text as typed, blanks as ''/undefined. */
export interface ApplicationValues {
  kind: 'company' | 'individual';
  name: string;
  address?: string;
  postalCode?: string;
  phone?: string;
  bankName?: string;
  /** Typed in plain; on an existing draft empty means "keep what is on file" (it is stored encrypted). */
  bankAccount?: string;
  taxId?: string;
  industry?: string;
  region?: string;
  source?: string;
  contactName?: string;
  contactTitle?: string;
  contactMobile?: string;
  contactEmail?: string;
  requestedClass?: 'A' | 'B' | 'C' | undefined;
  requestedCreditLevel?: CreditLevel;
  requestedCreditLimit?: number | null;
  requestedCreditPeriodDays?: number | null;
  expectedAnnualSales?: number | null;
  businessScope?: string;
  investigationNotes?: string;
}

/** The customer-file fields the form edits (the rest of the 《客户一览表》 is kept in the customer file). */
export const CUSTOMER_TEXT_FIELDS = [
  'name',
  'address',
  'postalCode',
  'phone',
  'bankName',
  'taxId',
  'industry',
  'region',
  'source',
] as const;
type CustomerTextField = (typeof CUSTOMER_TEXT_FIELDS)[number];

export const BLANK_APPLICATION: Partial<ApplicationValues> = { kind: 'company' };

const text = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);
const num = (v: number | null | undefined) => (v === undefined || v === null || Number.isNaN(v) ? null : v);

function requestFields(v: ApplicationValues) {
  return {
    requestedClass: v.requestedClass ?? null,
    requestedCreditLevel: v.requestedCreditLevel ?? 'III',
    requestedCreditLimit: num(v.requestedCreditLimit),
    requestedCreditPeriodDays: num(v.requestedCreditPeriodDays),
    expectedAnnualSales: num(v.expectedAnnualSales),
    businessScope: text(v.businessScope),
    investigationNotes: (v.investigationNotes ?? '').trim(),
  };
}

/** POST body for a new application: the prospective customer with its first contact, and the request. */
export function createInput(v: ApplicationValues, allowDuplicate: boolean): ApplicationCreateInput {
  const contactName = text(v.contactName);
  return {
    allowDuplicate,
    customer: {
      kind: v.kind,
      name: v.name.trim(),
      address: text(v.address),
      postalCode: text(v.postalCode),
      phone: text(v.phone),
      bankName: text(v.bankName),
      bankAccount: text(v.bankAccount),
      taxId: text(v.taxId),
      industry: text(v.industry),
      region: text(v.region),
      source: text(v.source),
      contacts: contactName
        ? [
            {
              name: contactName,
              title: text(v.contactTitle),
              mobile: text(v.contactMobile),
              email: text(v.contactEmail),
              isPrimary: true,
            },
          ]
        : [],
    },
    ...requestFields(v),
  };
}

/** The form filled from a saved draft; the bank account stays empty (only its mask is known). */
export function initialValues(a: ApplicationDetail): ApplicationValues {
  const c = a.customer;
  const values: ApplicationValues = {
    kind: c.kind,
    name: c.name,
    requestedClass: a.requestedClass ?? undefined,
    requestedCreditLevel: a.requestedCreditLevel,
    requestedCreditLimit: a.requestedCreditLimit,
    requestedCreditPeriodDays: a.requestedCreditPeriodDays,
    expectedAnnualSales: a.expectedAnnualSales,
    businessScope: a.businessScope ?? '',
    investigationNotes: a.investigationNotes,
  };
  for (const field of CUSTOMER_TEXT_FIELDS) values[field] = c[field] ?? '';
  // A masked phone is not a value to edit: empty means "keep the one on file".
  if (c.masked) values.phone = '';
  return values;
}

/**
 * PATCH body for a draft: the request fields as they are, and only the customer fields that changed (a
 * masked phone left untouched must not overwrite the real one).
 */
export function patchInput(v: ApplicationValues, saved: ApplicationDetail): ApplicationPatch {
  const before = initialValues(saved);
  const customer: Partial<Record<CustomerTextField | 'bankAccount' | 'kind', string | null>> = {};
  if (v.kind !== before.kind) customer.kind = v.kind;
  for (const field of CUSTOMER_TEXT_FIELDS) {
    const now = text(v[field]);
    if (now !== text(before[field])) customer[field] = field === 'name' ? (now ?? '') : now;
  }
  const account = text(v.bankAccount);
  if (account) customer.bankAccount = account;
  return {
    ...requestFields(v),
    ...(Object.keys(customer).length > 0 ? { customer: customer as ApplicationPatch['customer'] } : {}),
  };
}

/** I: under 30 days; II: 30 days or more. A soft hint, not a rule: the approver decides. */
export function periodMismatch(level: CreditLevel | undefined, days: number | null | undefined): boolean {
  if (days === null || days === undefined) return false;
  return (level === 'I' && days >= 30) || (level === 'II' && days < 30);
}
