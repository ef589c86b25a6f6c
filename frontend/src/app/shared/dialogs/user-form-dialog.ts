import { DestroyRef, Directive, inject, signal } from '@angular/core';
import { UserDirectory } from '../../core/lookup/user-directory';
import type { EditDialog } from './edit-dialog';

/**
 * The base of a create/edit dialog whose form picks users (a macro's "Assign to", a trigger's
 * recipient): the user search behind the pickers, and the form's starting value, set once the
 * names of the users the record refers to are known (so the pickers can show them), again
 * after "Reload". The subclass calls `start(this.dialog.record())` in its constructor.
 */
@Directive()
export abstract class UserFormDialog<T extends { readonly id: string }, Initial> {
  protected readonly directory = inject(UserDirectory);
  protected readonly users = this.directory.createSearch();
  /** `null` until the names are known. */
  protected readonly initial = signal<Initial | null>(null);

  protected abstract readonly dialog: EditDialog<T, unknown>;
  /** The form's value for a new record. */
  protected abstract readonly blank: Initial;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.users.dispose());
    void this.users.now();
  }

  /** The users `record` refers to, whose names the form shows. */
  protected abstract userIds(record: T): readonly string[];
  protected abstract toInitial(record: T, nameOf: (id: string) => string | null): Initial;

  protected async start(record: T | null): Promise<void> {
    if (record === null) {
      this.initial.set(this.blank);
      return;
    }
    const ids = this.userIds(record);
    if (ids.length > 0) await this.directory.ensure(ids);
    this.initial.set(this.toInitial(record, this.directory.nameOf));
  }

  protected async reload(): Promise<void> {
    const latest = await this.dialog.reload();
    if (latest) await this.start(latest);
  }
}
