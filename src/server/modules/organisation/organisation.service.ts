import type { Kysely } from 'kysely';
import { DEFAULT_NUMBER_PATTERNS, datePartsIn, formatRecordNumber } from '../../../shared/record-number.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  listNumberPatterns,
  readOrganisation,
  updateOrganisationRow,
  upsertNumberPattern,
} from './organisation.queries.ts';

export interface OrganisationPatch {
  name?: string | undefined;
  shortName?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  website?: string | null | undefined;
  timeZone?: string | undefined;
  defaultLocale?: string | undefined;
}

export function presentOrganisation(row: Awaited<ReturnType<typeof readOrganisation>>) {
  return {
    name: row.name,
    shortName: row.short_name,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    timeZone: row.time_zone,
    defaultLocale: row.default_locale as 'zh-CN' | 'zh-TW' | 'en',
  };
}

/** The organisation profile as the settings screen shows it (every `settings.read` holder sees it). */
export async function loadOrganisation(db: Kysely<DB>) {
  return presentOrganisation(await readOrganisation(db));
}

/**
 * What a printed document (or a text written for a customer) shows of the organisation: its name, and the
 * time zone its dates and times are written in.
 */
export async function printOrganisation(db: Kysely<DB>) {
  const org = await readOrganisation(db);
  return { name: org.name, timeZone: org.time_zone };
}

/** Every record-number pattern, stored or default, with an example number as it would be issued now. */
export async function numberPatternsWithExamples(db: Kysely<DB>) {
  const org = await readOrganisation(db);
  const stored = new Map((await listNumberPatterns(db)).map((r) => [r.kind, r.pattern]));
  const parts = datePartsIn(org.time_zone, new Date());
  return Object.keys(DEFAULT_NUMBER_PATTERNS).map((kind) => {
    const pattern = stored.get(kind) ?? DEFAULT_NUMBER_PATTERNS[kind]!;
    return { kind, pattern, example: formatRecordNumber(pattern, parts, 1) };
  });
}

export async function updateOrganisation(db: Database, ctx: RequestContext, patch: OrganisationPatch) {
  return db.transaction().execute(async (trx) => {
    const before = await readOrganisation(trx);
    const after = await updateOrganisationRow(trx, {
      name: patch.name,
      short_name: patch.shortName,
      address: patch.address,
      phone: patch.phone,
      email: patch.email,
      website: patch.website,
      time_zone: patch.timeZone,
      default_locale: patch.defaultLocale,
    });
    await recordAudit(trx, ctx, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: 1,
      before,
      after,
    });
    return presentOrganisation(after);
  });
}

export async function setNumberPattern(
  db: Database,
  ctx: RequestContext,
  kind: string,
  pattern: string,
  previous: string,
) {
  await db.transaction().execute(async (trx) => {
    await upsertNumberPattern(trx, kind, pattern);
    await recordAudit(trx, ctx, {
      action: 'number_pattern.update',
      entityType: 'number_pattern',
      entityId: kind,
      changes: [{ field: 'pattern', before: previous, after: pattern }],
    });
  });
}
