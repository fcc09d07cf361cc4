import type { Kysely } from 'kysely';
import type { ApplicationDetail } from '../../../shared/schemas/customer-applications.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import { viewerOf } from '../approvals/approvals.policy.ts';
import { approvalHistory } from '../approvals/approvals.service.ts';
import { listContacts } from '../customers/contacts.queries.ts';
import { maySeeSensitive } from '../customers/customers.policy.ts';
import { presentContact, presentCustomer } from '../customers/customers.presenter.ts';
import { findCustomerRow } from '../customers/customers.queries.ts';
import { requireVisible } from './customer-applications.policy.ts';
import { presentApplication, presentApplicationAttachment } from './customer-applications.presenter.ts';
import * as q from './customer-applications.queries.ts';

/** The application the caller may see, with the customer's file (masked as for the caller), files and approvals. */
export async function loadApplicationDetail(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<ApplicationDetail> {
  const row = requireVisible(actor, await q.findApplication(db, id, actor.userId));
  const sensitive = maySeeSensitive(actor);
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
    approvals: await approvalHistory(db, 'customer_application', id, await viewerOf(db, actor)),
  };
}
