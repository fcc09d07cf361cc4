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
