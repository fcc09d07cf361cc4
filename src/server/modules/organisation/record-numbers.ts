import type { Kysely } from 'kysely';
import {
  DEFAULT_NUMBER_PATTERNS,
  datePartsIn,
  formatRecordNumber,
  sequencePeriod,
} from '../../../shared/record-number.ts';
import type { DB } from '../../db/schema.ts';
import { bumpSequence, findNumberPattern, readOrganisation } from './organisation.queries.ts';

/** The next human-readable number of a kind of record, in the organisation's time zone. Call inside the record's transaction. */
export async function nextRecordNumber(db: Kysely<DB>, kind: string, at = new Date()): Promise<string> {
  const pattern = (await findNumberPattern(db, kind))?.pattern ?? DEFAULT_NUMBER_PATTERNS[kind];
  if (!pattern) throw new Error(`no number pattern for ${kind}`);
  const org = await readOrganisation(db);
  const parts = datePartsIn(org.time_zone, at);
  const seq = await bumpSequence(db, kind, sequencePeriod(pattern, parts));
  return formatRecordNumber(pattern, parts, seq);
}

/** `count` consecutive numbers in one step, for imports; the same pattern and sequence as one by one. */
export async function nextRecordNumbers(
  db: Kysely<DB>,
  kind: string,
  count: number,
  at = new Date(),
): Promise<string[]> {
  if (count <= 0) return [];
  const pattern = (await findNumberPattern(db, kind))?.pattern ?? DEFAULT_NUMBER_PATTERNS[kind];
  if (!pattern) throw new Error(`no number pattern for ${kind}`);
  const org = await readOrganisation(db);
  const parts = datePartsIn(org.time_zone, at);
  const last = await bumpSequence(db, kind, sequencePeriod(pattern, parts), count);
  return Array.from({ length: count }, (_, i) => formatRecordNumber(pattern, parts, last - count + 1 + i));
}
