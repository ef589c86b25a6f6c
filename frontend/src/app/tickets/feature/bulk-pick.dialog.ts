import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { UserDirectory } from '../../core/lookup/user-directory';
import { MacroPickerComponent } from '../../macros';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { UserPickerComponent } from '../../shared/pickers/user-picker.component';

export interface BulkPickData {
  readonly kind: 'assignee' | 'macro';
  /** How many tickets it is for. */
  readonly count: number;
}

/** Asks for the user to assign the selected tickets to, or the macro to apply to them; closes with the id. */
@Component({
  selector: 'bw-bulk-pick-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, UserPickerComponent, MacroPickerComponent],
  template: `
    <h2 mat-dialog-title>{{ heading }}</h2>
    <mat-dialog-content>
      @if (data.kind === 'assignee') {
        <bw-user-picker
          label="Assign to"
          [control]="user"
          [options]="users.options()"
          [loading]="users.loading()"
          (queryChange)="users.search($event)"
        />
      } @else {
        <bw-macro-picker label="Macro" [(macroId)]="macroId" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="null">Cancel</button>
      <button matButton="filled" type="button" [disabled]="!chosen()" [mat-dialog-close]="chosen()">
        {{ data.kind === 'assignee' ? 'Assign' : 'Apply' }}
      </button>
    </mat-dialog-actions>
  `,
})
export class BulkPickDialogComponent {
  protected readonly data = inject<BulkPickData>(MAT_DIALOG_DATA);
  protected readonly users = inject(UserDirectory).createSearch();
  protected readonly user = new FormControl<PickerOption | string | null>(null);
  protected readonly macroId = signal<string | null>(null);
  private readonly userId = signal<string | null>(null);
  protected readonly heading =
    this.data.kind === 'assignee'
      ? `Assign ${this.data.count} ticket${this.data.count === 1 ? '' : 's'}`
      : `Apply a macro to ${this.data.count} ticket${this.data.count === 1 ? '' : 's'}`;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.users.dispose());
    void this.users.now();
    this.user.valueChanges.subscribe((value) =>
      this.userId.set(value !== null && typeof value === 'object' ? value.id : null),
    );
  }

  protected chosen(): string | null {
    return this.data.kind === 'assignee' ? this.userId() : this.macroId();
  }
}

/** Opens the dialog; resolves to the picked id, or `null` when cancelled. */
export async function pickForBulk(dialog: MatDialog, data: BulkPickData): Promise<string | null> {
  const ref = dialog.open<BulkPickDialogComponent, BulkPickData, string | null>(BulkPickDialogComponent, {
    data,
    width: '480px',
  });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
