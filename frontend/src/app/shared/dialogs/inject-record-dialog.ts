import { ApplicationRef, ElementRef, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { confirmAction } from '../ui/confirm-dialog.component';
import type { EditorStore } from '../../core/api/editor-store';
import { type EditDialogData, type EditDialogResult, type FormBodies, RecordDialog } from './edit-dialog';

/**
 * The `RecordDialog` of the dialog component being created: its `MatDialogRef`, and the record
 * from its `EditDialogData`. Escape or a click outside asks before dropping edits: the dialog
 * has some while its form is dirty (Angular marks a reactive form the user changed `ng-dirty`,
 * and resets it to pristine with its starting values). The control is dirty as soon as the input
 * event is handled, but without zone.js its class follows only at the next change detection, which
 * a key pressed right after typing comes before: the check runs one first. Call it in a field initializer.
 */
export function injectRecordDialog<T extends { readonly id: string }, V, C, U>(
  editor: Pick<EditorStore<T, C, U>, 'fetch' | 'create' | 'update'>,
  bodies: FormBodies<T, V, C, U>,
): RecordDialog<T, V, C, U> {
  const data = inject<EditDialogData<T>>(MAT_DIALOG_DATA);
  const host: HTMLElement = inject(ElementRef).nativeElement;
  const dialogs = inject(MatDialog);
  const app = inject(ApplicationRef);
  return new RecordDialog(
    inject<MatDialogRef<unknown, EditDialogResult<T>>>(MatDialogRef),
    data.record ?? null,
    editor,
    bodies,
    {
      hasEdits: () => {
        app.tick();
        return host.querySelector('form.ng-dirty') !== null;
      },
      confirmDiscard: () =>
        confirmAction(dialogs, {
          title: 'Discard your changes?',
          message: 'What you changed in this form has not been saved.',
          confirmLabel: 'Discard changes',
          destructive: true,
        }),
    },
  );
}
