/**
 * What each kind of record is found by: the lexemes stored in its `search_terms` column
 * (`array_to_tsvector(${terms}::text[])`). The queries files write them in the same statement or
 * transaction as the text they come from; migration 0025 fills them for existing rows.
 */
import { phoneTerms } from './phone.ts';
import { pinyinTerms } from './pinyin.ts';
import { indexTerms } from './text-search.ts';

type Text = string | null | undefined;

const join = (parts: readonly Text[]) => parts.filter(Boolean).join(' ');
const merge = (...lists: string[][]) => [...new Set(lists.flat())];

/** A person: name (also by pinyin), title, e-mail, phone numbers in every written form. */
export function contactTerms(c: { name: string; title?: Text; email?: Text; phone?: Text; mobile?: Text }) {
  return merge(
    indexTerms(join([c.name, c.title, c.email, c.phone, c.mobile])),
    pinyinTerms(c.name, 'person'),
    phoneTerms(c.phone),
    phoneTerms(c.mobile),
  );
}

/** Pinyin and phone forms added to a customer's own text (its name and short name, its phone). */
export function customerExtraTerms(c: { name: string; short_name?: Text; phone?: Text; kind?: Text }) {
  const kind = c.kind === 'person' ? 'person' : 'company';
  return merge(pinyinTerms(c.name, kind), pinyinTerms(c.short_name, kind), phoneTerms(c.phone));
}

/** The why-chain of a CAPA as stored (a JSON array of strings). */
function whys(value: unknown): string[] {
  const list = typeof value === 'string' ? safeParse(value) : value;
  return Array.isArray(list) ? list.map(String) : [];
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

/** A CAPA: number, title, the problem, containment, the why-chain, root cause, product, verification. */
export function capaTerms(c: {
  number: string;
  title: string;
  problem: string;
  containment?: Text;
  why_chain?: unknown;
  root_cause?: Text;
  product?: Text;
  verification_note?: Text;
  dismiss_reason?: Text;
}) {
  return indexTerms(
    join([
      c.number,
      c.title,
      c.problem,
      c.containment,
      ...whys(c.why_chain),
      c.root_cause,
      c.product,
      c.verification_note,
      c.dismiss_reason,
    ]),
  );
}

/** A return notice: numbers, reason, every step's note, and its lines (product, spec, note). */
export function returnTerms(
  r: {
    number: string;
    order_ref?: Text;
    rework_number?: Text;
    reason: string;
    receipt_note?: Text;
    inspection_note?: Text;
    disposition_note?: Text;
    rework_instructions?: Text;
    cancel_reason?: Text;
  },
  items: readonly { product: string; spec?: Text; note?: Text }[],
) {
  return indexTerms(
    join([
      r.number,
      r.order_ref,
      r.rework_number,
      r.reason,
      r.receipt_note,
      r.inspection_note,
      r.disposition_note,
      r.rework_instructions,
      r.cancel_reason,
      ...items.flatMap((i) => [i.product, i.spec, i.note]),
    ]),
  );
}

/** A new-customer application: number, business scope, investigation notes, the decision's comment. */
export function applicationTerms(a: {
  number: string;
  business_scope?: Text;
  investigation_notes: string;
  decision_comment?: Text;
}) {
  return indexTerms(join([a.number, a.business_scope, a.investigation_notes, a.decision_comment]));
}

/** A call: the number in every form, purpose, result and notes. */
export function callTerms(c: { number: string; purpose?: Text; result?: Text; notes?: Text }) {
  return merge(indexTerms(join([c.number, c.purpose, c.result, c.notes])), phoneTerms(c.number));
}

/** A complaint's own text (its request's subject and conversation are searched on the request). */
export function complaintTerms(c: {
  number: string;
  object_ref?: Text;
  product?: Text;
  content: string;
  reason?: Text;
  demand?: Text;
  contact_details?: Text;
  closure_confirmation_note?: Text;
}) {
  return indexTerms(
    join([
      c.number,
      c.object_ref,
      c.product,
      c.content,
      c.reason,
      c.demand,
      c.contact_details,
      c.closure_confirmation_note,
    ]),
  );
}
