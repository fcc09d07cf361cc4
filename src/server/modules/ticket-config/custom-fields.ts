import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { presentField } from './ticket-config.presenter.ts';
import { fieldsOfType } from './ticket-config.queries.ts';

type Value = string | number | null;

/**
 * Checks a request's custom field values against its type's active fields: unknown keys, wrong kinds,
 * choices outside the list and missing required fields are reported per field.
 */
export async function validateCustomFields(
  db: Kysely<DB>,
  typeId: number,
  values: Record<string, Value>,
  /** Requests the system registers (email, portal, public form) cannot answer staff-only fields. */
  enforceRequired = true,
): Promise<Record<string, Value>> {
  return checkFieldValues((await fieldsOfType(db, typeId, true)).map(presentField), values, enforceRequired);
}

export interface FieldDefinition {
  key: string;
  kind: string;
  required: boolean;
  options: { value: string }[];
}

/** The same check for any set of field definitions (request types, the customer file). */
export function checkFieldValues(
  fields: FieldDefinition[],
  values: Record<string, Value>,
  enforceRequired = true,
): Record<string, Value> {
  const issues: { field: string; message: string }[] = [];
  const clean: Record<string, Value> = {};
  const known = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) issues.push({ field: `customFields.${key}`, message: 'unknown field' });
  }
  for (const field of fields) {
    const value = values[field.key];
    const empty = value === undefined || value === null || value === '';
    if (empty) {
      if (field.required && enforceRequired)
        issues.push({ field: `customFields.${field.key}`, message: 'required' });
      continue;
    }
    const ok =
      (field.kind === 'text' && typeof value === 'string') ||
      (field.kind === 'number' &&
        (typeof value === 'number' ||
          (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))))) ||
      (field.kind === 'date' &&
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(value))) ||
      (field.kind === 'choice' && field.options.some((o) => o.value === value));
    if (!ok) issues.push({ field: `customFields.${field.key}`, message: `expected ${field.kind}` });
    else clean[field.key] = field.kind === 'number' ? Number(value) : value;
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  return clean;
}
