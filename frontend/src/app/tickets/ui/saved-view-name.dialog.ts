import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';

export interface SavedViewNameData {
  readonly title: string;
  readonly confirmLabel: string;
  readonly name: string;
}

/** The API's limit on a view's name. */
const MAX_NAME = 100;

/** Asks for a saved view's name (to save the current filters, or to rename a view). Closes with the name. */
@Component({
  selector: 'bw-saved-view-name-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <form [attr.aria-label]="data.title" (submit)="$event.preventDefault(); submit()">
      <h2 mat-dialog-title>{{ data.title }}</h2>
      <mat-dialog-content>
        <mat-form-field appearance="outline" class="field">
          <mat-label>Name</mat-label>
          <input
            matInput
            name="name"
            autocomplete="off"
            cdkFocusInitial
            [attr.maxlength]="max"
            [value]="name()"
            (input)="name.set($any($event.target).value)"
          />
          <mat-hint align="end">{{ name().length }} / {{ max }}</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button matButton="filled" type="submit" [disabled]="!valid()">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
      min-width: min(360px, 70vw);
    }
  `,
})
export class SavedViewNameDialogComponent {
  protected readonly data = inject<SavedViewNameData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<SavedViewNameDialogComponent, string>>(MatDialogRef);
  protected readonly max = MAX_NAME;
  protected readonly name = signal(this.data.name);
  protected readonly valid = computed(() => this.name().trim().length > 0 && this.name().length <= MAX_NAME);

  protected submit(): void {
    if (this.valid()) this.ref.close(this.name().trim());
  }
}

/** Opens the dialog; resolves to the name given, or `undefined` when cancelled. */
export function askViewName(dialog: MatDialog, data: SavedViewNameData): Promise<string | undefined> {
  const ref = dialog.open<SavedViewNameDialogComponent, SavedViewNameData, string>(SavedViewNameDialogComponent, {
    data,
    width: '440px',
  });
  return firstValueFrom(ref.afterClosed());
}
