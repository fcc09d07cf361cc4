import type { Kysely, Selectable } from 'kysely';
import type {
  ApplicationAttachment,
  ApplicationDetail,
} from '../../../shared/schemas/customer-applications.ts';
import type { Attachment, DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';
import { approvalHistory } from '../approvals/approvals.service.ts';
import { presentRecordFile } from '../attachments/attachments.service.ts';
import { listContacts } from '../customers/contacts.service.ts';
import { presentContact, presentCustomer } from '../customers/customers.presenter.ts';
import { findCustomerRow } from '../customers/customers.queries.ts';
import * as q from './customer-applications.queries.ts';
import { presentApplication, scopeOf } from './customer-applications.service.ts';

export function presentApplicationAttachment(
  a: Selectable<Attachment>,
  applicationId: number,
): ApplicationAttachment {
  return presentRecordFile(a, `/api/v1/customer-applications/${applicationId}/attachments`);
}

/** The application the caller may see, with the customer's file (masked as for the caller), files and approvals. */
export async function loadApplicationDetail(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<ApplicationDetail> {
  const scope = await scopeOf(db, actor);
  const row = await q.findApplication(db, id, scope);
  if (!row) throw notFound();
  const sensitive = can(actor, 'customer.view_sensitive');
  const customer = (await findCustomerRow(db, row.customer_id))!;
  const contacts = await listContacts(db, row.customer_id);
  const attachments = await q.applicationAttachments(db, id);
  return {
    ...presentApplication(row),
    customer: {
      ...presentCustomer(customer, sensitive),
      contacts: contacts.map((c) => presentContact(c, sensitive)),
    },
    attachments: attachments.map((a) => presentApplicationAttachment(a, id)),
    approvals: await approvalHistory(db, 'customer_application', id, { actor, roleIds: scope.roleIds }),
  };
}
