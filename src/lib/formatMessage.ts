/**
 * Fills `{name}` placeholders in a string an island received as a prop
 * (islands cannot call `t`, which would bundle both dictionaries).
 *
 * @example formatMessage('{count} of 1000 characters', { count: 12 }) // '12 of 1000 characters'
 */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
