/**
 * The template placeholders of macros and triggers, as the API accepts them (a template naming
 * any other is rejected at save time). Mirrored here for the "Insert placeholder" help and a
 * check before the round trip.
 */
export interface Placeholder {
  /** The name between the braces, e.g. `ticket.title`. */
  readonly name: string;
  readonly description: string;
}

export const MACRO_PLACEHOLDERS: readonly Placeholder[] = [
  { name: 'ticket.title', description: "The ticket's title" },
  { name: 'ticket.id', description: "The ticket's id" },
  { name: 'customer.name', description: "The customer's name" },
  { name: 'customer.email', description: "The customer's email" },
  { name: 'assignee.username', description: 'Who the ticket is assigned to' },
  { name: 'current_user.username', description: 'Who applies the macro' },
];

/** Ticket events: the macro placeholders plus the ticket's status and the event. */
export const TICKET_EVENT_PLACEHOLDERS: readonly Placeholder[] = [
  ...MACRO_PLACEHOLDERS.filter((p) => p.name !== 'current_user.username'),
  { name: 'current_user.username', description: 'Who caused the event' },
  { name: 'ticket.status', description: "The ticket's status" },
  { name: 'event.name', description: 'The event, e.g. ticket.closed' },
  { name: 'event.at', description: 'When the event happened' },
];

/** `customer.deleted`: there is no ticket, so only the customer, who deleted it, and the event. */
export const CUSTOMER_EVENT_PLACEHOLDERS: readonly Placeholder[] = TICKET_EVENT_PLACEHOLDERS.filter(
  (p) => !p.name.startsWith('ticket.') && p.name !== 'assignee.username',
);

// The name is trimmed in code: `\s*` on both sides of a lazy name backtracked cubically on `{{` + spaces.
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** `{{name}}`, as it is written in a template. */
export function placeholderToken(name: string): string {
  return `{{${name}}}`;
}

/** The placeholders a template uses that are not allowed (empty when it is fine), like the server checks. */
export function unknownPlaceholders(template: string, allowed: readonly Placeholder[]): string[] {
  const names = new Set(allowed.map((p) => p.name));
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1].trim();
    if (!names.has(name)) unknown.add(name);
  }
  return [...unknown];
}

/** What inserting `text` into `value` over the selection gives, and where the caret goes. */
export function insertAt(
  value: string,
  text: string,
  start: number | null,
  end: number | null,
): { value: string; caret: number } {
  const from = Math.min(Math.max(start ?? value.length, 0), value.length);
  const to = Math.min(Math.max(end ?? from, from), value.length);
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}
