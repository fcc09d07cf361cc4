/**
 * Fills `{{name}}` placeholders (names may contain dots). Unknown names stay visible, so whoever reads the
 * result notices a mistyped variable instead of silently losing text.
 */
export function renderTemplate(
  body: string,
  vars: Record<string, string | number | null | undefined>,
): string {
  return body.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_.]*)\s*\}\}/g, (whole, name: string) => {
    if (!Object.hasOwn(vars, name)) return whole;
    const value = vars[name];
    return value === null || value === undefined ? '' : String(value);
  });
}
