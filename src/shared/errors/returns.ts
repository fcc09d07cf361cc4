import type { Localised } from '../locale.ts';

/** Error codes of the returns module with their user-facing text (merged into ERROR_MESSAGES). */
export const RETURNS_ERRORS = {} as const satisfies Record<string, Localised>;
