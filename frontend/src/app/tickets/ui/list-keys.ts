/** What a key press asks of the tickets list. */
export type ListKeyAction = 'next' | 'previous' | 'toggle' | 'range' | 'open';

const TYPING_SELECTOR =
  'textarea, select, [contenteditable]:not([contenteditable="false"]), [role="combobox"], [role="listbox"], [role="menu"], [role="dialog"], .cdk-overlay-container';
const NOT_TYPED_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** What the keys look at of an event's target (an element, read without needing the DOM's classes). */
interface TargetLike {
  readonly tagName: string;
  readonly type?: string;
  closest(selector: string): unknown;
}

function asElement(target: unknown): TargetLike | null {
  return target !== null && typeof target === 'object' && typeof (target as TargetLike).closest === 'function'
    ? (target as TargetLike)
    : null;
}

/** The key went to something the user types into (or a menu, dialog or popup): the list leaves it alone. */
export function isTypingTarget(target: unknown): boolean {
  const element = asElement(target);
  if (element === null) return false;
  if (element.tagName === 'INPUT') return !NOT_TYPED_INPUTS.has(element.type ?? 'text');
  return element.closest(TYPING_SELECTOR) !== null;
}

/** The keys the list reacts to, as the shortcut overlay lists them. */
export const LIST_SHORTCUTS: readonly { readonly keys: string; readonly description: string }[] = [
  { keys: 'j / k', description: 'Next / previous ticket' },
  { keys: '↓ / ↑', description: 'Next / previous ticket (in the table)' },
  { keys: 'x', description: 'Select or unselect the ticket' },
  { keys: 'Space', description: 'Select or unselect the focused ticket' },
  { keys: 'Shift + Space', description: 'Select from the last selected ticket to this one' },
  { keys: 'Enter', description: 'Open the ticket' },
];

/**
 * The list's meaning of a key press, or `null` for a key it leaves alone. `inRow` says whether the
 * focus is on (or in) a row, `onRow` whether it is on the row itself (Enter on a link or button
 * stays theirs), `inTable` whether it is anywhere in the table (the arrows move only there).
 */
export function listKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'> & { readonly target: unknown },
  where: { readonly inTable: boolean; readonly inRow: boolean; readonly onRow: boolean },
): ListKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'ArrowDown':
      return where.inTable ? 'next' : null;
    case 'ArrowUp':
      return where.inTable ? 'previous' : null;
    case 'x':
      return where.inRow ? 'toggle' : null;
    case ' ':
      return where.inRow && (where.onRow || isCheckbox(event.target)) ? (event.shiftKey ? 'range' : 'toggle') : null;
    case 'Enter':
      return where.onRow ? 'open' : null;
    default:
      return null;
  }
}

function isCheckbox(target: unknown): boolean {
  const element = asElement(target);
  return element?.tagName === 'INPUT' && element.type === 'checkbox';
}
