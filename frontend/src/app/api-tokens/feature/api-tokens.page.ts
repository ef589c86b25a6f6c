import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { problemMessage } from '../../core/api/problem-message';
import { applyServerErrors } from '../../core/forms/field-errors';
import { AlertComponent } from '../../shared/ui/alert.component';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { SecretOnceComponent } from '../../shared/ui/secret-once.component';
import { type ApiToken, ApiTokensStore, type CreatedApiToken } from '../data-access/api-tokens.store';

/**
 * `/settings/tokens`: API tokens for scripts, the `bw` CLI and other internal tools. A new token's
 * secret is shown once, with a copy button; the list shows when each token was last used.
 */
@Component({
  selector: 'bw-api-tokens-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    AlertComponent,
    EmptyStateComponent,
    SecretOnceComponent,
  ],
  providers: [ApiTokensStore],
  template: `
    <section class="bw-page">
      <header class="bw-page-head">
        <div>
          <h1>API tokens</h1>
          <p class="bw-sub">
            For scripts and tools: send a token as <code>Authorization: Bearer &lt;token&gt;</code>, or log the
            <code>bw</code> command line in with it. A token acts as you until you revoke it.
          </p>
        </div>
      </header>

      <form
        class="bw-inline-form create"
        [formGroup]="form"
        #createForm="ngForm"
        (ngSubmit)="create(createForm)"
        aria-label="Create an API token"
      >
        <mat-form-field appearance="outline">
          <mat-label>Token name</mat-label>
          <input
            matInput
            formControlName="name"
            [errorStateMatcher]="afterSubmit"
            maxlength="100"
            autocomplete="off"
            placeholder="e.g. nightly report"
          />
          <mat-hint>What will use it, so you know which one to revoke</mat-hint>
          @if (form.controls.name.hasError('server')) {
            <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
          } @else if (form.controls.name.hasError('required')) {
            <mat-error>Give the token a name</mat-error>
          }
        </mat-form-field>
        <button matButton="filled" type="submit" [disabled]="creating()">Create token</button>
      </form>

      @if (created(); as token) {
        <bw-secret-once
          data-testid="new-token"
          [heading]="'Copy the secret of “' + token.name + '” now'"
          [secret]="token.token"
          noun="token"
          secretTestId="token-secret"
          (done)="created.set(null)"
        >
          It is shown only this once. If you lose it, revoke the token and create another.
        </bw-secret-once>
      }

      <div class="bw-progress">
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading tokens" />
        }
      </div>
      @if (store.problem(); as problem) {
        <bw-alert [message]="message(problem)" actionLabel="Try again" (action)="store.load()" />
      }
      @if (store.empty()) {
        <bw-empty-state
          heading="No API tokens"
          message="Create one above to use the API from a script or the bw CLI."
        />
      }
      @if (store.tokens().length > 0) {
        <ul class="tokens" aria-label="Your API tokens">
          @for (token of store.tokens(); track token.id) {
            <li data-testid="token-row">
              <div class="what">
                <span class="name" dir="auto">{{ token.name }}</span>
                <span class="meta">
                  Created
                  <time [attr.datetime]="token.createdAt" [title]="token.createdAt">{{
                    token.createdAt | date: 'medium'
                  }}</time>
                  ·
                  @if (token.lastUsedAt) {
                    last used
                    <time [attr.datetime]="token.lastUsedAt" [title]="token.lastUsedAt">{{
                      token.lastUsedAt | date: 'medium'
                    }}</time>
                  } @else {
                    never used
                  }
                </span>
              </div>
              <button
                matButton="outlined"
                type="button"
                (click)="revoke(token)"
                [attr.aria-label]="'Revoke ' + token.name"
              >
                Revoke
              </button>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .create mat-form-field {
      flex: 1 1 280px;
      max-width: 420px;
    }
    .tokens {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .tokens li {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .what {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .name {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ApiTokensPage implements OnInit {
  protected readonly store = inject(ApiTokensStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
  });
  protected readonly creating = signal(false);
  protected readonly created = signal<CreatedApiToken | null>(null);
  protected readonly message = problemMessage;

  ngOnInit(): void {
    void this.store.load();
  }

  /** The name is checked when the form is sent, not when the keyboard passes over the empty field. */
  protected readonly afterSubmit: ErrorStateMatcher = {
    isErrorState: (control, form) => !!control?.invalid && !!form?.submitted,
  };

  protected async create(formDirective: FormGroupDirective): Promise<void> {
    this.form.controls.name.setValue(this.form.controls.name.value.trim());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.creating.set(true);
    const result = await this.store.create(this.form.controls.name.value);
    this.creating.set(false);
    if (!result.ok) {
      if (!applyServerErrors(this.form, result.problem.fieldErrors))
        this.snackBar.open(problemMessage(result.problem), 'Dismiss');
      return;
    }
    this.created.set(result.token);
    // The directive's reset also clears its "submitted" state: the emptied field is not an error.
    formDirective.resetForm();
  }

  protected async revoke(token: ApiToken): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Revoke “${token.name}”?`,
      message: 'Scripts and tools that use this token stop working at once. This cannot be undone.',
      confirmLabel: 'Revoke token',
      destructive: true,
    });
    if (!confirmed) return;
    const result = await this.store.revoke(token.id);
    if (result.ok) this.snackBar.open(`Revoked “${token.name}”`, undefined, { duration: 4000 });
    else this.snackBar.open(problemMessage(result.problem), 'Dismiss');
  }
}
