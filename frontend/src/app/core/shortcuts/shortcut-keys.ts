/** How long the second key of a sequence (`g t`) may follow the first. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/**
 * The name a key press has in a shortcut's `keys`: the character for printable keys (`?`, `/`,
 * `j`), `Shift+C` for a shifted letter; `null` for presses that are no shortcut (with Ctrl,
 * Alt or Meta, modifiers alone, repeats).
 */
export function pressName(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = event.key;
  if (key.length !== 1 || key === ' ') return null;
  if (/^[a-z]$/i.test(key)) {
    return event.shiftKey ? `Shift+${key.toUpperCase()}` : key.toLowerCase();
  }
  return key;
}

/** The part of a press's target that tells whether it is a text field. */
export interface PressTarget {
  readonly tagName?: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
}

/** Whether the press went to something the user types in, where keys are text, not shortcuts. */
export function isTypingTarget(target: PressTarget | null | undefined): boolean {
  if (!target || typeof target.tagName !== 'string') return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type ?? 'text');
}
