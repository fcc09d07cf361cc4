/**
 * What the route fuzzer sends: hostile values for path and query parameters, and JSON bodies built from
 * each route's documented body schema (the OpenAPI document made from the same zod schemas that
 * validate requests) with every free-text field, every number field or every field at once given one
 * hostile value.
 */

/** Values for one query parameter at a time: the shapes that have broken list routes and cursors. */
export const HOSTILE_VALUES: readonly string[] = [
  'a\u0000b',
  '1.5',
  'abc',
  '99999999999999999999',
  '1|1|1',
  '-1',
  '',
  'x'.repeat(10_000),
  '%00',
  '华东精密 客户',
  '999999',
];

/**
 * Values for one path parameter at a time. An empty segment would be another URL (a list route or the
 * 404 handler), not this route's parameter; `%00`, `1|1|1` and Chinese text are, in a path, just more
 * letters like `abc`.
 */
export const PATH_VALUES: readonly string[] = [
  'a\u0000b',
  '1.5',
  'abc',
  '99999999999999999999',
  '-1',
  'x'.repeat(10_000),
  '999999',
  '2147483648',
];

/**
 * The values worth sending to one query parameter, by its documented type: a parameter with a closed
 * set of values (enum, boolean) gets the bytes no set contains, a number the shapes of broken numbers,
 * free text and cursors every value.
 */
export function queryValuesFor(name: string, schema: JsonSchema | undefined): readonly string[] {
  if (name === 'cursor' || !schema) return HOSTILE_VALUES;
  const options = schema.anyOf ?? schema.oneOf;
  const inner = options?.find((o) => o.type !== 'null') ?? schema;
  const type = Array.isArray(inner.type) ? inner.type.find((t) => t !== 'null') : inner.type;
  if (inner.enum || inner.const !== undefined || type === 'boolean') return ['a\u0000b', 'abc', ''];
  if (type === 'integer' || type === 'number')
    return ['a\u0000b', '1.5', 'abc', '99999999999999999999', '-1', '', '999999', '2147483648'];
  return HOSTILE_VALUES;
}

/** Query parameters tried on routes that document none (hidden from the API document). */
export const COMMON_QUERY_NAMES = ['cursor', 'limit', 'q', 'status', 'category', 'sort', 'from', 'to'];

/**
 * Routes the fuzzer does not call, each with its reason. Nothing else is left out: a new route is fuzzed
 * the day it is added.
 */
export const NOT_FUZZED: Record<string, string> = {
  'GET /api/live': 'a live-update stream stays open until the client hangs up; it takes no parameters',
  'POST /api/auth/logout': 'would end the fuzzer’s own staff session; it takes no parameters',
  'POST /api/portal/logout': 'would end the fuzzer’s own portal session; it takes no parameters',
};

/** A JSON Schema as the OpenAPI document carries it (the parts the fuzzer reads). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** What replaces each kind of leaf in a body: the base value is what a form would plausibly send. */
export interface Leaves {
  text?: unknown;
  number?: unknown;
  any?: unknown;
}

const FORMATTED: Record<string, string> = {
  email: 'fuzz@example.com',
  date: '2026-11-02',
  'date-time': '2026-11-02T08:00:00.000Z',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '0b0b6c8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
};

/** A body shaped like `schema` (every property filled in), with leaves swapped per `leaves`. */
export function sampleOf(schema: JsonSchema | undefined, leaves: Leaves, depth = 0): unknown {
  if (!schema || depth > 6) return leaves.any ?? 'x';
  if (leaves.any !== undefined && !schema.properties && !schema.items) return leaves.any;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const chosen = options.find((o) => o.type !== 'null') ?? options[0];
    return sampleOf(chosen, leaves, depth + 1);
  }
  if (schema.allOf?.[0]) return sampleOf(schema.allOf[0], leaves, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {}))
        out[key] = sampleOf(prop, leaves, depth + 1);
      return out;
    }
    case 'array': {
      const count = Math.max(1, schema.minItems ?? 1);
      return Array.from({ length: count }, () => sampleOf(schema.items, leaves, depth + 1));
    }
    case 'integer':
    case 'number':
      if (leaves.number !== undefined) return leaves.number;
      return Math.max(1, schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'string': {
      const formatted = schema.format ? FORMATTED[schema.format] : undefined;
      if (leaves.text !== undefined && !formatted && !schema.pattern) return leaves.text;
      return formatted ?? (schema.default as string | undefined) ?? 'x';
    }
    default:
      return leaves.text ?? 'x';
  }
}

/** The hostile bodies for a route with a JSON body, each with a label for the failure message. */
export function hostileBodies(schema: JsonSchema | undefined): Array<{ label: string; body: unknown }> {
  const bodies: Array<{ label: string; body: unknown }> = [
    { label: 'NUL in every text field', body: sampleOf(schema, { text: 'a\u0000b' }) },
    { label: '10k characters in every text field', body: sampleOf(schema, { text: 'x'.repeat(10_000) }) },
    { label: 'digits in every text field', body: sampleOf(schema, { text: '99999999999999999999' }) },
    { label: 'Chinese in every text field', body: sampleOf(schema, { text: '华东精密 客户' }) },
    { label: '1e20 in every number field', body: sampleOf(schema, { number: 1e20 }) },
    { label: '2^31 in every number field', body: sampleOf(schema, { number: 2 ** 31 }) },
    { label: '1.5 in every number field', body: sampleOf(schema, { number: 1.5 }) },
    { label: '-1 in every number field', body: sampleOf(schema, { number: -1 }) },
    { label: 'an object in every field', body: sampleOf(schema, { any: {} }) },
    { label: 'a JSON array as the body', body: '[]' },
  ];
  return bodies;
}
