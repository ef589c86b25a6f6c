/**
 * The one template language of macros and triggers: `{{ name }}` placeholders replaced by plain
 * text. No expressions, no code, no HTML: the result is text, and clients render it as text.
 */
export const MACRO_PLACEHOLDERS = ['ticket.title', 'ticket.id', 'customer.name', 'customer.email', 'assignee.username', 'current_user.username'] as const;
export const TRIGGER_PLACEHOLDERS = [...MACRO_PLACEHOLDERS, 'ticket.status', 'event.name', 'event.at'] as const;

export type TemplateValues = Partial<Record<(typeof TRIGGER_PLACEHOLDERS)[number], string>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a template uses that are not in `allowed` (empty when the template is valid). */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) if (!allowed.includes(match[1])) unknown.add(match[1]);
  return [...unknown];
}

/** Replaces each known placeholder by its value (missing values render as empty text). */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name as keyof TemplateValues] ?? '') : whole));
}

export function describeUnknown(unknown: string[], allowed: readonly string[]): string {
  return `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{{${u}}}`).join(', ')}; allowed: ${allowed.map((a) => `{{${a}}}`).join(', ')}`;
}
