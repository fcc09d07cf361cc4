import type { Locale } from '../../shared/locale.ts';
import type { KeysOf } from './define.ts';
import { approvals } from './messages/approvals.ts';
import { assignment } from './messages/assignment.ts';
import { attachments } from './messages/attachments.ts';
import { audit } from './messages/audit.ts';
import { auditActions } from './messages/audit-actions.ts';
import { calendar } from './messages/calendar.ts';
import { calls } from './messages/calls.ts';
import { capas } from './messages/capas.ts';
import { care } from './messages/care.ts';
import { common } from './messages/common.ts';
import { complaintAnalysis } from './messages/complaint-analysis.ts';
import { complaints } from './messages/complaints.ts';
import { creditChanges } from './messages/credit-changes.ts';
import { customerApplications } from './messages/customer-applications.ts';
import { customers } from './messages/customers.ts';
import { customerDetail } from './messages/customers-detail.ts';
import { customerFields } from './messages/customers-fields.ts';
import { customerImport } from './messages/customers-import.ts';
import { departments } from './messages/departments.ts';
import { email } from './messages/email.ts';
import { keyAccounts } from './messages/key-accounts.ts';
import { knowledge } from './messages/knowledge.ts';
import { notifications } from './messages/notifications.ts';
import { portal } from './messages/portal.ts';
import { profile } from './messages/profile.ts';
import { returns } from './messages/returns.ts';
import { roles } from './messages/roles.ts';
import { search } from './messages/search.ts';
import { settings } from './messages/settings.ts';
import { shell } from './messages/shell.ts';
import { ticketConfig } from './messages/ticket-config.ts';
import { tickets } from './messages/tickets.ts';
import { ticketView } from './messages/tickets-view.ts';
import { users } from './messages/users.ts';

const DOMAINS = [
  common,
  shell,
  users,
  roles,
  departments,
  settings,
  calendar,
  audit,
  auditActions,
  profile,
  portal,
  tickets,
  ticketView,
  calls,
  notifications,
  ticketConfig,
  assignment,
  email,
  knowledge,
  attachments,
  customers,
  customerDetail,
  customerImport,
  customerFields,
  keyAccounts,
  care,
  approvals,
  customerApplications,
  creditChanges,
  complaints,
  capas,
  returns,
  complaintAnalysis,
  search,
] as const;

export type MessageKey = KeysOf<(typeof DOMAINS)[number]>;

function merged(locale: Locale): Record<MessageKey, string> {
  return Object.assign({}, ...DOMAINS.map((domain) => domain[locale])) as Record<MessageKey, string>;
}

/**
 * Every UI text in every language; each domain file guarantees the three languages share their keys.
 * Browser code takes only types from here: the build cuts one chunk per language from this catalogue
 * (`virtual:qiao-messages/<locale>`, loaded by language-pack.ts, which also has `isMessageKey`).
 */
export const catalogue: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': merged('zh-CN'),
  'zh-TW': merged('zh-TW'),
  en: merged('en'),
};

export const DOMAIN_CATALOGUES = DOMAINS;
