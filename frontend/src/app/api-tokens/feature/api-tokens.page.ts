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
        class="create"
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
        <div class="secret" role="status" aria-live="polite" data-testid="new-token">
          <h2>Copy the secret of “{{ token.name }}” now</h2>
          <p>It is shown only this once. If you lose it, revoke the token and create another.</p>
          <div class="secret-row">
            <code data-testid="token-secret">{{ token.token }}</code>
            <button matButton="outlined" type="button" (click)="copy(token.token)">Copy</button>
            <button matButton type="button" (click)="created.set(null)">Done</button>
          </div>
        </div>
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
    .create {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-start;
      margin: 8px 0 16px;
    }
    .create mat-form-field {
      flex: 1 1 280px;
      max-width: 420px;
    }
    .create button {
      margin-top: 8px;
      min-height: 48px;
    }
    .secret {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      margin-bottom: 16px;
      background: var(--mat-sys-surface-container);
    }
    .secret h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .secret p {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .secret-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .secret-row code {
      flex: 1 1 260px;
      overflow-wrap: anywhere;
      padding: 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
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
      const fields = Object.fromEntries(Object.entries(result.problem.fieldErrors).map(([f, m]) => [f, m[0]]));
      if (!applyServerErrors(this.form, fields)) this.snackBar.open(problemMessage(result.problem), 'Dismiss');
      return;
    }
    this.created.set(result.token);
    // The directive's reset also clears its "submitted" state: the emptied field is not an error.
    formDirective.resetForm();
  }

  protected async copy(secret: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(secret);
      this.snackBar.open('Token copied', undefined, { duration: 3000 });
    } catch {
      this.snackBar.open('Copying is blocked here: select the token and copy it yourself', 'Dismiss');
    }
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
