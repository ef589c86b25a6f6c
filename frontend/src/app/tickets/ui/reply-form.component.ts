import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { controlMessage } from '../../core/forms/control-message';
import { LIMITS } from '../../core/api/limits';
import { DraftStore } from '../../core/drafts/draft-store';

/**
 * The reply box under the conversation. With a `draftKey`, what is typed is kept in the drafts
 * store as it is typed, comes back when the page is opened again (after a session that ended, a
 * reload), and is forgotten once the reply was sent (`clear()`).
 */
@Component({
  selector: 'bw-reply-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" aria-label="Reply" novalidate>
      <mat-form-field appearance="outline" class="field" data-testid="reply-field" hideRequiredMarker>
        <mat-label>Reply</mat-label>
        <textarea
          #box
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

  /** Where the unsent reply is kept; `null` keeps nothing. */
  readonly draftKey = input<string | null>(null);

  readonly submitted = output<string>();

  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');
  private readonly drafts = inject(DraftStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, Validators.maxLength(LIMITS.comment.body)]],
  });

  constructor() {
    effect(() => {
      const key = this.draftKey();
      untracked(() => {
        const draft = key ? this.drafts.read<string>(key) : null;
        if (draft && this.form.controls.body.value === '') this.form.controls.body.setValue(draft);
      });
    });
    const typing = this.form.controls.body.valueChanges.subscribe((body) => {
      const key = this.draftKey();
      if (key) this.drafts.write(key, body);
    });
    inject(DestroyRef).onDestroy(() => {
      typing.unsubscribe();
      const key = this.draftKey();
      if (key) this.drafts.flush(key);
    });
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

  /** Puts the keyboard focus in the box (the `r` shortcut). */
  focus(): void {
    this.box().nativeElement.focus();
  }

  /** Empties the box once the reply was saved, and forgets its draft. */
  clear(): void {
    const key = this.draftKey();
    if (key) this.drafts.clear(key);
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
    const key = this.draftKey();
    if (key) this.drafts.flush(key);
    this.submitted.emit(body);
  }
}
