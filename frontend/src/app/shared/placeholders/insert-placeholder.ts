import type { FormControl } from '@angular/forms';
import { insertAt, placeholderToken } from './placeholders';

/** Puts `{{name}}` into a template's text box over its selection, and the caret after it. */
export function insertPlaceholderInto(control: FormControl<string>, box: HTMLTextAreaElement, name: string): void {
  const { value, caret } = insertAt(control.value, placeholderToken(name), box.selectionStart, box.selectionEnd);
  control.setValue(value);
  control.markAsDirty();
  box.focus();
  box.setSelectionRange(caret, caret);
}
