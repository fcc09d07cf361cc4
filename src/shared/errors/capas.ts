import type { Localised } from '../locale.ts';

/** Error codes of the capas module with their user-facing text (merged into ERROR_MESSAGES). */
export const CAPAS_ERRORS = {} as const satisfies Record<string, Localised>;
