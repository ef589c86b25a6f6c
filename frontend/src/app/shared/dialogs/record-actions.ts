import { inject, type Type } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import type { ApiProblem } from '../../core/api/problem';
import { problemMessage } from '../../core/api/problem-message';
import { confirmAction, type ConfirmDialogData } from '../ui/confirm-dialog.component';
import type { EditDialogData, EditDialogResult } from './edit-dialog';

/** The list a page shows: a created record goes first, an edited one is shown in place, a deleted one goes. */
export interface RecordList<T> {
  add(record: T): void;
  replace(record: T): void;
  /** Resolves to the problem that kept the record, or `null` once it is gone. */
  delete(record: T): Promise<ApiProblem | null>;
}

/** A feature's create/edit dialog (opened with `EditDialogData`, closing with `EditDialogResult`) and its width. */
export interface FormDialog {
  readonly component: Type<unknown>;
  readonly width: string;
}

/**
 * The dialogs and toasts behind a record's Create / Edit / Delete buttons. Each feature's
 * `…Actions` service (in its `feature/`) extends it with its dialogs and wording.
 */
export abstract class RecordActions<T> {
  protected readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** The record's name in messages: "Ticket deleted", "Couldn't delete the ticket: …". */
  protected abstract readonly noun: string;
  /** The dialog behind Create and Edit. */
  protected abstract readonly formDialog: FormDialog;

  /** What the "Delete …?" dialog says about `record`. */
  protected abstract deleteQuestion(record: T): ConfirmDialogData;

  /** Opens the edit dialog; resolves to the newer record when it was saved or reloaded. */
  edit(record: T): Promise<T | undefined> {
    return this.openForm(record);
  }

  /** Edit from a row of `list`: the newer record replaces the row when it was saved or reloaded. */
  async editIn(list: RecordList<T>, record: T): Promise<void> {
    const updated = await this.edit(record);
    if (updated) list.replace(updated);
  }

  /** Delete from a row of `list`: asks first, and says how it went. */
  deleteFrom(list: RecordList<T>, record: T): Promise<void> {
    return this.delete(record, (row) => list.delete(row));
  }

  confirmDelete(record: T): Promise<boolean> {
    return confirmAction(this.dialog, this.deleteQuestion(record));
  }

  /**
   * Asks first, then deletes with `remove` (which resolves to the problem that kept the record,
   * or `null`) and says how it went.
   */
  async delete(record: T, remove: (record: T) => Promise<ApiProblem | null>): Promise<void> {
    if (!(await this.confirmDelete(record))) {
      return;
    }
    const problem = await remove(record);
    if (problem) {
      this.failed(`Couldn't delete the ${this.noun}`, problem);
    } else {
      this.toast(`${this.capitalNoun()} deleted`);
    }
  }

  toast(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  failed(what: string, problem: ApiProblem): void {
    this.snackBar.open(`${what}: ${problemMessage(problem)}`, 'Dismiss', { duration: 8000 });
  }

  /** Opens the form dialog to create a record (none given) or edit one; says "… created" / "… saved" once it is saved. */
  protected async openForm(record?: T): Promise<T | undefined> {
    const { component, width } = this.formDialog;
    const result = await this.openDialog<unknown, EditDialogData<T>, EditDialogResult<T>>(component, { record }, width);
    if (result?.saved) this.toast(`${this.capitalNoun()} ${record ? 'saved' : 'created'}`);
    return result?.record;
  }

  /** Opens the form dialog to create a record, which then goes first in `list`. */
  protected async createIn(list: RecordList<T>): Promise<void> {
    const created = await this.openForm();
    if (created) list.add(created);
  }

  private capitalNoun(): string {
    return `${this.noun.charAt(0).toUpperCase()}${this.noun.slice(1)}`;
  }

  /** Opens a dialog at most the window's width, focused on its first field; resolves to what it closed with. */
  protected openDialog<C, D, R>(component: Type<C>, data: D, width: string): Promise<R | undefined> {
    const ref = this.dialog.open<C, D, R | undefined>(component, {
      data,
      width,
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
    return firstValueFrom(ref.afterClosed());
  }
}
