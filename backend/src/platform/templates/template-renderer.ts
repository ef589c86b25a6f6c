import { placeholderToken, type Placeholder } from '#shared';

/**
 * The template language of macros and triggers (`{{ name }}` placeholders, rendered as plain text)
 * and its placeholder lists live in libs/shared, which the frontend uses too; this is the backend's
 * way in, plus the API's wording of an unknown placeholder.
 */
export {
  CUSTOMER_EVENT_PLACEHOLDERS,
  MACRO_PLACEHOLDERS,
  renderTemplate,
  scanPlaceholders,
  TICKET_EVENT_PLACEHOLDERS,
  unknownPlaceholders,
  type TemplateValues,
} from '#shared';

export function describeUnknown(unknown: string[], allowed: readonly Placeholder[]): string {
  return `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map(placeholderToken).join(', ')}; allowed: ${allowed.map((a) => placeholderToken(a.name)).join(', ')}`;
}
