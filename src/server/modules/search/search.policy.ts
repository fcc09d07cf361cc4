import type { Permission } from '../../../shared/permissions.ts';
import { SEARCH_KINDS, type SearchKind } from '../../../shared/schemas/search.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Global search: a kind is searched only for a caller holding its read permission (other kinds are left
 * out of the answer, not reported as forbidden), and within a kind only the records that kind's own list
 * shows the caller — each kind's policy `scopeOf` applies through its list (search.service.ts).
 */
const READ_PERMISSION: Record<SearchKind, Permission> = {
  ticket: 'ticket.read',
  customer: 'customer.read',
  contact: 'customer.read',
  complaint: 'complaint.read',
  capa: 'capa.read',
  return: 'return.read',
  kb_article: 'kb.read',
};

export function searchableKinds(actor: Actor): SearchKind[] {
  return SEARCH_KINDS.filter((kind) => can(actor, READ_PERMISSION[kind]));
}
