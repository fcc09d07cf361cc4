import type { TemplateSet } from '../default-templates.ts';

/** Built-in message texts of the returns module (merged into DEFAULT_TEMPLATES). */
export const RETURNS_TEMPLATES: Record<string, TemplateSet> = {};
