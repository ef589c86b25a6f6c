import type { FormControl } from '@angular/forms';
import { placeholderToken } from '@bw/shared';

/** Puts `{{name}}` into a template's text box over its selection, and the caret after it. */
export function insertPlaceholderInto(control: FormControl<string>, box: HTMLTextAreaElement, name: string): void {
  const { value, caret } = insertAt(control.value, placeholderToken(name), box.selectionStart, box.selectionEnd);
  control.setValue(value);
  control.markAsDirty();
  box.focus();
  box.setSelectionRange(caret, caret);
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
