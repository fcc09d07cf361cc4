import { maskEmail, maskPhone, maskTail } from '../../../shared/mask.ts';
import type { ContactView, CustomerView } from '../../../shared/schemas/customers.ts';
import { day, iso, num } from '../../http/present.ts';
import type { ContactRow, LookupRow } from './contacts.queries.ts';
import type { CustomerRow } from './customers.queries.ts';

/**
 * The customer as the caller may see it. Bank account and ID number only ever show their last four here;
 * phones and emails are masked too when the caller lacks customer.view_sensitive.
 */
export function presentCustomer(row: CustomerRow, sensitive: boolean): CustomerView {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as CustomerView['kind'],
    name: row.name,
    shortName: row.short_name,
    address: row.address,
    postalCode: row.postal_code,
    phone: sensitive ? row.phone : maskPhone(row.phone),
    fax: sensitive ? row.fax : maskPhone(row.fax),
    email: sensitive ? row.email : maskEmail(row.email),
    website: row.website,
    bankName: row.bank_name,
    bankAccount: maskTail(row.bank_account_last4),
    taxId: row.tax_id,
    idNumber: maskTail(row.id_number_last4),
    industry: row.industry,
    region: row.region,
    source: row.source,
    annualSales: num(row.annual_sales),
    salesYear: row.sales_year,
    tags: row.tags,
    notes: row.notes,
    class: row.class as CustomerView['class'],
    classReason: row.class_reason,
    classChangedAt: iso(row.class_changed_at),
    creditLevel: row.credit_level as CustomerView['creditLevel'],
    creditLimit: num(row.credit_limit),
    creditPeriodDays: row.credit_period_days,
    lifecycle: row.lifecycle as CustomerView['lifecycle'],
    lifecycleChangedAt: iso(row.lifecycle_changed_at),
    lostReason: row.lost_reason,
    owner: row.owner_user_id ? { id: row.owner_user_id, name: row.owner_name ?? '' } : null,
    advisor: row.advisor_user_id ? { id: row.advisor_user_id, name: row.advisor_name ?? '' } : null,
    partnerSince: day(row.partner_since),
    lastActivityAt: iso(row.last_activity_at),
    customFields: (row.custom_fields ?? {}) as Record<string, unknown>,
    mergedIntoId: row.merged_into_id,
    openTickets: Number(row.open_tickets ?? 0),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    masked: !sensitive,
  };
}

export function presentContact(row: ContactRow, sensitive: boolean): ContactView {
  const portalStatus: ContactView['portalStatus'] =
    row.portal_status === 'active'
      ? 'active'
      : row.portal_status === 'pending'
        ? 'invited'
        : row.portal_status === 'disabled'
          ? 'disabled'
          : 'none';
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    title: row.title,
    department: row.department,
    phone: sensitive ? row.phone : maskPhone(row.phone),
    mobile: sensitive ? row.mobile : maskPhone(row.mobile),
    email: sensitive ? row.email : maskEmail(row.email),
    wechat: sensitive ? row.wechat : row.wechat ? '***' : null,
    birthday: day(row.birthday),
    preferredChannel: row.preferred_channel,
    isPrimary: row.is_primary,
    isActive: row.is_active,
    notes: row.notes,
    portalStatus,
    masked: !sensitive,
  };
}

/** A type-ahead hit of the request and complaint forms, masked like the customer file. */
export function presentLookupHit(r: LookupRow, sensitive: boolean) {
  const phone = r.phone ?? r.mobile;
  return {
    id: r.id,
    name: r.name,
    email: sensitive ? r.email : maskEmail(r.email),
    phone: sensitive ? phone : maskPhone(phone),
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerClass: r.class,
    masked: !sensitive,
  };
}
