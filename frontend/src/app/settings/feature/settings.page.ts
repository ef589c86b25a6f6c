import { ChangeDetectionStrategy, Component, OnInit, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { problemMessage } from '../../core/api/problem-message';
import type { ApiProblem } from '../../core/api/problem';
import { applyServerErrors } from '../../core/forms/field-errors';
import { AlertComponent } from '../../shared/ui/alert.component';
import { DUE_PRIORITIES, type DuePolicy, DuePolicyStore, describeMinutes } from '../data-access/due-policy.store';

/** A year, in minutes: the API's most. */
const MAX_MINUTES = 525_600;
const LABELS: Readonly<Record<(typeof DUE_PRIORITIES)[number], string>> = {
  urgent: 'Urgent',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

/** `/settings`: the due policy, minutes per priority until a ticket you create is due. */
@Component({
  selector: 'bw-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    AlertComponent,
  ],
  providers: [DuePolicyStore],
  template: `
    <section class="bw-page">
      <header class="bw-page-head">
        <div>
          <h1>Settings</h1>
          <p class="bw-sub">Your API tokens are on <a routerLink="/settings/tokens">their own page</a>.</p>
        </div>
      </header>

      <div class="bw-progress">
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading your due policy" />
        }
      </div>
      @if (store.problem(); as problem) {
        <bw-alert [message]="message(problem)" actionLabel="Try again" (action)="store.load()" />
      }

      <form class="bw-panel policy" [formGroup]="form" (ngSubmit)="save()" aria-labelledby="due-heading">
        <h2 id="due-heading">Due policy</h2>
        <p class="bw-sub">
          A ticket you create without a due date is due this many minutes after you create it, by its priority. Leave a
          priority empty for no due date. Existing tickets keep theirs.
        </p>
        <div class="fields">
          @for (priority of priorities; track priority) {
            <mat-form-field appearance="outline">
              <mat-label>{{ labels[priority] }} (minutes)</mat-label>
              <input
                matInput
                type="number"
                inputmode="numeric"
                min="1"
                [max]="max"
                step="1"
                [formControlName]="priority"
                [attr.data-testid]="'due-' + priority"
              />
              <mat-hint>{{ hint(priority) }}</mat-hint>
              <mat-error>{{ errorFor(priority) }}</mat-error>
            </mat-form-field>
          }
        </div>
        <div class="buttons">
          <button matButton="filled" type="submit" [disabled]="saving()">{{ saving() ? 'Saving…' : 'Save' }}</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .policy {
      padding: 16px 20px;
      max-width: 720px;
    }
    h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 8px 16px;
      margin-top: 16px;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      margin-top: 8px;
    }
  `,
})
export class SettingsPage implements OnInit {
  protected readonly store = inject(DuePolicyStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly priorities = DUE_PRIORITIES;
  protected readonly labels = LABELS;
  protected readonly max = MAX_MINUTES;
  protected readonly saving = signal(false);
  private readonly minutes = [Validators.min(1), Validators.max(MAX_MINUTES), Validators.pattern(/^\d+$/)];
  protected readonly form = this.fb.group({
    urgent: this.fb.control<number | null>(null, this.minutes),
    high: this.fb.control<number | null>(null, this.minutes),
    normal: this.fb.control<number | null>(null, this.minutes),
    low: this.fb.control<number | null>(null, this.minutes),
  });

  constructor() {
    // The policy (loaded, or as saved) fills the fields the user has not typed in: a value typed
    // while the load was in flight is the user's work and stays.
    effect(() => {
      const policy = this.store.policy();
      if (!policy) return;
      for (const priority of DUE_PRIORITIES) {
        const control = this.form.controls[priority];
        if (control.pristine) control.reset(policy[priority]);
      }
    });
  }

  ngOnInit(): void {
    void this.store.load();
  }

  protected hint(priority: keyof DuePolicy): string {
    const value = this.form.controls[priority].value;
    return value !== null && Number.isInteger(value) && value > 0 ? `Due in ${describeMinutes(value)}` : 'No due date';
  }

  protected errorFor(priority: keyof DuePolicy): string {
    const errors = this.form.controls[priority].errors;
    if (errors?.['server']) return String(errors['server']);
    return `Whole minutes from 1 to ${MAX_MINUTES}, or empty`;
  }

  protected message(problem: ApiProblem): string {
    return problemMessage(problem);
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const minutes = (n: number | null) => (n === null || String(n) === '' ? null : Number(n));
    this.saving.set(true);
    const result = await this.store.save({
      urgent: minutes(v.urgent),
      high: minutes(v.high),
      normal: minutes(v.normal),
      low: minutes(v.low),
    });
    this.saving.set(false);
    if (result.ok) {
      this.form.markAsPristine();
      this.snackBar.open('Due policy saved', undefined, { duration: 3000 });
    } else if (!applyServerErrors(this.form, result.problem.fieldErrors)) {
      this.snackBar.open(problemMessage(result.problem), 'Dismiss');
    }
  }
}
