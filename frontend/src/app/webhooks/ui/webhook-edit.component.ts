import { ChangeDetectionStrategy, Component, OnInit, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { applyServerErrors } from '../../core/forms/field-errors';
import type { Webhook } from '../data-access/webhooks.store';

/** Edits a webhook's name and URL in place. */
@Component({
  selector: 'bw-webhook-edit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <form class="edit" [formGroup]="form" (ngSubmit)="submit()" [attr.aria-label]="'Edit ' + webhook().name">
      <mat-form-field appearance="outline">
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" maxlength="100" autocomplete="off" />
        @if (form.controls.name.hasError('server')) {
          <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
        } @else if (form.controls.name.hasError('required')) {
          <mat-error>Give the webhook a name</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" class="url">
        <mat-label>URL</mat-label>
        <input matInput formControlName="url" type="url" inputmode="url" autocomplete="off" />
        @if (form.controls.url.hasError('server')) {
          <mat-error>{{ form.controls.url.getError('server') }}</mat-error>
        } @else if (form.controls.url.hasError('required')) {
          <mat-error>Enter the URL to post to</mat-error>
        }
      </mat-form-field>
      <div class="buttons">
        <button matButton="filled" type="submit">Save</button>
        <button matButton type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .edit {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-start;
    }
    mat-form-field {
      flex: 1 1 220px;
    }
    mat-form-field.url {
      flex: 2 1 280px;
    }
    .buttons {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
  `,
})
export class WebhookEditComponent implements OnInit {
  readonly webhook = input.required<Webhook>();
  readonly save = output<{ name: string; url: string }>();
  readonly cancelled = output<void>();
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    url: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(2000)] }),
  });

  ngOnInit(): void {
    this.form.setValue({ name: this.webhook().name, url: this.webhook().url });
  }

  /** Shows the server's field errors on the fields; false when none of them is one of these fields. */
  showServerErrors(fieldErrors: Readonly<Record<string, readonly string[]>>): boolean {
    return applyServerErrors(this.form, fieldErrors) !== null;
  }

  protected submit(): void {
    const { name, url } = this.form.getRawValue();
    this.form.setValue({ name: name.trim(), url: url.trim() });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.save.emit(this.form.getRawValue());
  }
}
