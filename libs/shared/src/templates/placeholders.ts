/**
 * The placeholders macro comments and trigger messages may use, one list per kind of template.
 * The API rejects a template that names any other; the app offers these in its "Insert
 * placeholder" help and checks a template before the round trip.
 */
export interface Placeholder {
  /** The name between the braces, e.g. `ticket.title`. */
  readonly name: string;
  readonly description: string;
}

/** A macro's comment text: the ticket it is applied to, its customer and assignee, and who applies it. */
export const MACRO_PLACEHOLDERS = [
  { name: 'ticket.title', description: "The ticket's title" },
  { name: 'ticket.id', description: "The ticket's id" },
  { name: 'customer.name', description: "The customer's name" },
  { name: 'customer.email', description: "The customer's email" },
  { name: 'assignee.username', description: 'Who the ticket is assigned to' },
  { name: 'current_user.username', description: 'Who applies the macro' },
] as const satisfies readonly Placeholder[];

/** A trigger's message on a ticket event: the macro placeholders plus the ticket's status and the event. */
export const TICKET_EVENT_PLACEHOLDERS = [
  ...MACRO_PLACEHOLDERS.filter((p) => p.name !== 'current_user.username'),
  { name: 'current_user.username', description: 'Who caused the event' },
  { name: 'ticket.status', description: "The ticket's status" },
  { name: 'ticket.due_at', description: 'When the ticket is due, e.g. 2 Dec 2026, 18:04 UTC (empty when it has none)' },
  { name: 'event.name', description: 'The event, e.g. ticket.closed' },
  { name: 'event.at', description: 'When the event happened, e.g. 2 Dec 2026, 18:04 UTC' },
] as const satisfies readonly Placeholder[];

/** `customer.deleted`: there is no ticket, so only the customer, who deleted it, and the event. */
export const CUSTOMER_EVENT_PLACEHOLDERS: readonly Placeholder[] = TICKET_EVENT_PLACEHOLDERS.filter(
  (p) => !p.name.startsWith('ticket.') && p.name !== 'assignee.username',
);

/** Every placeholder name some template may use. */
export type PlaceholderName = (typeof TICKET_EVENT_PLACEHOLDERS)[number]['name'];

/** The text of each placeholder, for rendering a template (a missing one renders as empty text). */
export type TemplateValues = Partial<Record<PlaceholderName, string>>;

/** `{{name}}`, as it is written in a template. */
export function placeholderToken(name: string): string {
  return `{{${name}}}`;
}
