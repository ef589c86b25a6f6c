import { inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { EditorStore } from '../../core/api/editor-store';
import { type EditDialogData, type EditDialogResult, type FormBodies, RecordDialog } from './edit-dialog';

/**
 * The `RecordDialog` of the dialog component being created: its `MatDialogRef`, and the record
 * from its `EditDialogData`. Call it in a field initializer.
 */
export function injectRecordDialog<T extends { readonly id: string }, V, C, U>(
  editor: Pick<EditorStore<T, C, U>, 'fetch' | 'create' | 'update'>,
  bodies: FormBodies<T, V, C, U>,
): RecordDialog<T, V, C, U> {
  const data = inject<EditDialogData<T>>(MAT_DIALOG_DATA);
  return new RecordDialog(
    inject<MatDialogRef<unknown, EditDialogResult<T>>>(MatDialogRef),
    data.record ?? null,
    editor,
    bodies,
  );
}
