import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Documents (客户资料): files kept with a customer. */

/** Files kept with a customer, newest first, with who uploaded them. */
export function customerDocuments(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('attachment')
    .leftJoin('app_user', 'app_user.id', 'attachment.uploaded_by_user_id')
    .selectAll('attachment')
    .select('app_user.display_name as uploader')
    .where('attachment.customer_id', '=', customerId)
    .orderBy('attachment.id', 'desc')
    .limit(500)
    .execute();
}

export function findCustomerDocument(db: Kysely<DB>, customerId: number, documentId: number) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('id', '=', documentId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
}
