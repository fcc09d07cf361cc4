import type { TemplateSet } from '../default-templates.ts';

/** Built-in message texts of the complaints module (merged into DEFAULT_TEMPLATES). */
export const COMPLAINTS_TEMPLATES: Record<string, TemplateSet> = {};
