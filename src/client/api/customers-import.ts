import { type UploadTask, uploadFile } from './attachments.ts';
import { ApiError, withQuery } from './client.ts';
import type { CustomerFilter } from './customers.ts';

/** One thing wrong in the file: spreadsheet row (the header is row 1), column header, what is wrong. */
export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

/** A row naming a customer already on file (by name, tax id or code). */
export interface ImportExisting {
  row: number;
  name: string;
  code: string;
}

/** What the server found in a file; nothing has been written. */
export interface ImportSummary {
  rows: number;
  valid: number;
  problems: ImportProblem[];
  existing: ImportExisting[];
}

export interface ImportResult {
  created: number;
  skipped: number;
}

export const IMPORT_TEMPLATE_URL = '/api/v1/customer-imports/template';
export const IMPORT_ACCEPT = '.xlsx,.csv';

/** Reads and checks the file without importing anything. */
export function checkImport(file: File, onProgress?: (percent: number) => void): UploadTask<ImportSummary> {
  return uploadFile<ImportSummary>('/api/v1/customer-imports/check', file, onProgress ? { onProgress } : {});
}

/** Imports every row of the file, or nothing when anything is wrong (422 with the summary). */
export function runImport(
  file: File,
  skipExisting: boolean,
  onProgress?: (percent: number) => void,
): UploadTask<ImportResult> {
  return uploadFile<ImportResult>('/api/v1/customer-imports', file, {
    fields: skipExisting ? { skipExisting: 'true' } : {},
    ...(onProgress ? { onProgress } : {}),
  });
}

const isSummary = (value: unknown): value is ImportSummary =>
  !!value &&
  typeof value === 'object' &&
  'rows' in value &&
  'problems' in value &&
  Array.isArray(value.problems) &&
  'existing' in value &&
  Array.isArray(value.existing);

/** The fresh check the server sent with an IMPORT_HAS_ERRORS refusal (the file changed in between). */
export function summaryOfRefusal(error: unknown): ImportSummary | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_HAS_ERRORS') return null;
  return isSummary(error.details) ? error.details : null;
}

export type ExportFormat = 'xlsx' | 'csv';

/** The export download for the list as filtered now (a plain GET: the session cookie authenticates it). */
export function customerExportUrl(filter: CustomerFilter, format: ExportFormat): string {
  return withQuery('/api/v1/customers/export', { ...filter, format });
}
