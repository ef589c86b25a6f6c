import { ChangeDetectionStrategy, Component, effect, inject, input, output, untracked, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { controlMessage } from '../../core/forms/control-message';
import { LIMITS } from '../../core/api/limits';

/** The reply box under the conversation. */
@Component({
  selector: 'bw-reply-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" aria-label="Reply" novalidate>
      <mat-form-field appearance="outline" class="field" data-testid="reply-field" hideRequiredMarker>
        <mat-label>Reply</mat-label>
        <textarea
          matInput
          formControlName="body"
          rows="3"
          (keydown.control.enter)="submit()"
          (keydown.meta.enter)="submit()"
        ></textarea>
        <mat-hint>Ctrl + Enter to send</mat-hint>
        <mat-error>{{ error() }}</mat-error>
      </mat-form-field>
      <div class="buttons">
        <button matButton="filled" type="submit" [disabled]="pending()">
          {{ pending() ? 'Sending…' : 'Send reply' }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      margin-top: 4px;
    }
  `,
})
export class ReplyFormComponent {
  readonly pending = input(false);
  /** A server message about the reply, shown under the box. */
  readonly serverError = input<string | null>(null);

  readonly submitted = output<string>();

  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, Validators.maxLength(LIMITS.comment.body)]],
  });

  constructor() {
    effect(() => {
      const message = this.serverError();
      if (message) {
        untracked(() => {
          this.form.controls.body.setErrors({ server: message });
          this.form.controls.body.markAsTouched();
        });
      }
    });
  }

  /** Empties the box once the reply was saved. */
  clear(): void {
    // resetForm also clears the "submitted" flag, so the empty box is not flagged as missing.
    this.formDirective().resetForm({ body: '' });
  }

  protected error(): string | null {
    return controlMessage('reply', this.form.controls.body.errors);
  }

  protected submit(): void {
    const body = this.form.controls.body.value.trim();
    if (this.pending()) {
      return;
    }
    if (body === '' || this.form.invalid) {
      this.form.controls.body.setErrors(body === '' ? { required: true } : this.form.controls.body.errors);
      this.form.markAllAsTouched();
      return;
    }
    this.submitted.emit(body);
  }
}
