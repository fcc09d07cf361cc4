import type { Kysely } from 'kysely';
import { looksMasked, maskContactText } from '../../../shared/mask.ts';
import type { DB } from '../../db/schema.ts';
import { invalid } from '../../http/app-error.ts';
import * as q from './complaints.queries.ts';

/**
 * 联系方式 as stored. A form that only saw masked phones and emails (no customer.view_sensitive) sends
 * them back masked: the stored text then stays as it was, and a masked value copied from the contact
 * type-ahead becomes that contact's real phone and email.
 */
export async function contactDetailsToStore(
  trx: Kysely<DB>,
  value: string | null | undefined,
  known: { current?: string | null; contactId?: number | null | undefined },
) {
  if (value === undefined || !looksMasked(value)) return value;
  if (known.current !== undefined && value === maskContactText(known.current)) return undefined;
  const contact = known.contactId ? await q.contactReachOf(trx, known.contactId) : undefined;
  if (!contact) throw invalid('VALIDATION_FAILED', 'contactDetails');
  return [contact.phone ?? contact.mobile, contact.email].filter(Boolean).join(' / ') || null;
}
