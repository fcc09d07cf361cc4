import type { TemplateSet } from '../default-templates.ts';

/** Built-in message texts of the capas module (merged into DEFAULT_TEMPLATES). */
export const CAPAS_TEMPLATES: Record<string, TemplateSet> = {};
