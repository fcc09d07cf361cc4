import type { Localised } from '../locale.ts';

/** Error codes of the complaints module with their user-facing text (merged into ERROR_MESSAGES). */
export const COMPLAINTS_ERRORS = {} as const satisfies Record<string, Localised>;
