import { type Signal, signal, type WritableSignal } from '@angular/core';
import type { Observable } from 'rxjs';
import type { EditorStore } from '../../core/api/editor-store';

/** The part of a `MatDialogRef` an edit dialog uses. */
export interface DialogHandle<R> {
  disableClose: boolean | undefined;
  backdropClick(): Observable<unknown>;
  keydownEvents(): Observable<KeyboardEvent>;
  close(result?: R): void;
}

/** What a create/edit dialog is opened with. */
export interface EditDialogData<T> {
  /** The record to edit; absent to create one. */
  readonly record?: T;
}

/** What a create/edit dialog closes with: the newer record, and whether the user saved it (or only reloaded it after a conflict). */
export interface EditDialogResult<T> {
  readonly record: T;
  readonly saved: boolean;
}

export interface EditDialogOptions<T, R> {
  /** The record to edit; `null` to create one. */
  readonly record: T | null;
  /** Reads the latest version, for "Reload" after a 409; `null` when it could not be read. */
  readonly fetch: (id: string) => Promise<T | null>;
  /** What the dialog closes with: the newer record, and whether the user saved it (or only reloaded it). */
  readonly result: (record: T, saved: boolean) => R;
  /**
   * Whether the form holds edits not saved yet, and the question to ask before Escape or a click
   * outside throws them away (resolving to `true` to discard). Without them those close at once.
   */
  readonly unsaved?: { readonly hasEdits: () => boolean; readonly confirmDiscard: () => Promise<boolean> };
}

export interface SaveCalls<T> {
  /** Creates the record (absent where the dialog only edits). */
  readonly create?: () => Promise<T | null>;
  /** Saves the edit of `record`; `null` when nothing changed, and the dialog just closes. */
  readonly update: (record: T) => Promise<T | null> | null;
}

/**
 * A create/edit dialog's record and how it closes, with "someone else changed it — Reload" on a
 * 409: `reload()` shows the latest version, and closing without saving still hands it to the
 * page (so the list shows it). Escape and a click outside close through `close()` for that, once
 * the user has agreed to lose the form's unsaved edits (when there are any).
 * Create it in the dialog's constructor with `inject(MatDialogRef)`.
 */
export class EditDialog<T extends { readonly id: string }, R> {
  private readonly current: WritableSignal<T | null>;
  private reloaded = false;

  /** The version being edited: the one passed in, or the latest after `reload()`. */
  readonly record: Signal<T | null>;

  constructor(
    private readonly ref: DialogHandle<R>,
    private readonly options: EditDialogOptions<T, R>,
  ) {
    this.current = signal(options.record);
    this.record = this.current.asReadonly();
    ref.disableClose = true;
    ref.backdropClick().subscribe(() => void this.dismiss());
    ref.keydownEvents().subscribe((event) => {
      if (event.key === 'Escape') {
        void this.dismiss();
      }
    });
  }

  /**
   * Escape or a click outside: closes, after asking when the form has unsaved edits. While the
   * question is open it has the keyboard and covers this dialog, so it cannot be asked twice.
   */
  async dismiss(): Promise<void> {
    const unsaved = this.options.unsaved;
    if (unsaved?.hasEdits() && !(await unsaved.confirmDiscard())) return;
    this.close();
  }

  /** Saves (creates or updates) and closes with the saved record; stays open when the save failed. */
  async save(calls: SaveCalls<T>): Promise<void> {
    const record = this.current();
    const pending = record === null ? (calls.create?.() ?? null) : calls.update(record);
    if (pending === null) {
      this.close();
      return;
    }
    const saved = await pending;
    if (saved) {
      this.ref.close(this.options.result(saved, true));
    }
  }

  /** Reads the latest version after a conflict and edits that one; resolves to it (`null` when it failed). */
  async reload(): Promise<T | null> {
    const record = this.current();
    if (record === null) return null;
    const latest = await this.options.fetch(record.id);
    if (latest) {
      this.reloaded = true;
      this.current.set(latest);
    }
    return latest;
  }

  /** Closes without saving: with the reloaded version when there is one, else with nothing. */
  close(): void {
    const record = this.current();
    this.ref.close(this.reloaded && record ? this.options.result(record, false) : undefined);
  }
}

/** How a form's value becomes the request bodies. */
export interface FormBodies<T, V, C, U> {
  /** The create body (absent where the dialog only edits). */
  readonly create?: (value: V) => C;
  /** The update body for `record`; `null` when nothing changed. */
  readonly update: (record: T, value: V) => U | null;
}

/** An `EditDialog` that saves a form's value through the feature's `EditorStore`. */
export class RecordDialog<T extends { readonly id: string }, V, C, U> extends EditDialog<T, EditDialogResult<T>> {
  constructor(
    ref: DialogHandle<EditDialogResult<T>>,
    record: T | null,
    private readonly editor: Pick<EditorStore<T, C, U>, 'fetch' | 'create' | 'update'>,
    private readonly bodies: FormBodies<T, V, C, U>,
    unsaved?: EditDialogOptions<T, EditDialogResult<T>>['unsaved'],
  ) {
    super(ref, {
      record,
      fetch: (id) => editor.fetch(id),
      result: (latest, saved) => ({ record: latest, saved }),
      unsaved,
    });
  }

  /** Creates or updates the record from the form's value, and closes with it once saved. */
  submit(value: V): Promise<void> {
    const { create, update } = this.bodies;
    return this.save({
      create: create && (() => this.editor.create(create(value))),
      update: (record) => {
        const body = update(record, value);
        return body && this.editor.update(record.id, body);
      },
    });
  }
}
