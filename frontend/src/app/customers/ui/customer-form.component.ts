import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { controlMessage } from '../../core/forms/control-message';
import { applyServerErrors } from '../../core/forms/field-errors';
import type { FormProblem } from '../../core/forms/form-problem';
import { FormProblemComponent } from '../../shared/dialogs/form-problem.component';
import { type CustomerFormValue, EMPTY_CUSTOMER_FORM } from '../data-access/customer.model';
import { LIMITS } from '../../core/api/limits';

export type CustomerFormControl = keyof CustomerFormValue;
export const CUSTOMER_FORM_CONTROLS: readonly CustomerFormControl[] = ['name', 'email', 'phone', 'company', 'notes'];

const NOUNS: Readonly<Record<CustomerFormControl, string>> = {
  name: 'name',
  email: 'email address',
  phone: 'phone number',
  company: 'company',
  notes: 'note',
};

/** The customer form, for creating and editing. Presentational: the host saves. */
@Component({
  selector: 'bw-customer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, FormProblemComponent],
  template: `
    <form class="bw-form" [formGroup]="form" (ngSubmit)="submit()" [attr.aria-label]="formLabel()" novalidate>
      <bw-form-problem [problem]="problem()" (reload)="reload.emit()" />

      <mat-form-field appearance="outline" data-testid="name-field">
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" autocomplete="off" required />
        <mat-error>{{ errorFor('name') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline" data-testid="email-field">
        <mat-label>Email</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" inputmode="email" required />
        <mat-error>{{ errorFor('email') }}</mat-error>
      </mat-form-field>

      <div class="bw-form-row">
        <mat-form-field appearance="outline">
          <mat-label>Phone</mat-label>
          <input matInput type="tel" formControlName="phone" autocomplete="off" />
          <mat-hint>Optional</mat-hint>
          <mat-error>{{ errorFor('phone') }}</mat-error>
        </mat-form-field>

        <mat-form-field appearance="outline">
          <mat-label>Company</mat-label>
          <input matInput formControlName="company" autocomplete="off" />
          <mat-hint>Optional</mat-hint>
          <mat-error>{{ errorFor('company') }}</mat-error>
        </mat-form-field>
      </div>

      <mat-form-field appearance="outline">
        <mat-label>Notes</mat-label>
        <textarea matInput formControlName="notes" rows="4"></textarea>
        <mat-hint>Optional: anything worth remembering about this customer</mat-hint>
        <mat-error>{{ errorFor('notes') }}</mat-error>
      </mat-form-field>

      <div class="buttons">
        <button matButton type="button" (click)="cancelled.emit()">Cancel</button>
        <button matButton="filled" type="submit" [disabled]="pending()">
          {{ pending() ? 'Saving…' : submitLabel() }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
  `,
})
export class CustomerFormComponent {
  /** What the form starts from; a new object resets the form (e.g. after "Reload"). */
  readonly initial = input<CustomerFormValue>(EMPTY_CUSTOMER_FORM);
  readonly pending = input(false);
  readonly problem = input<FormProblem<CustomerFormControl> | null>(null);
  readonly submitLabel = input('Create customer');
  readonly formLabel = input('Customer');

  readonly submitted = output<CustomerFormValue>();
  readonly cancelled = output<void>();
  readonly reload = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.customer.name)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(LIMITS.customer.email)]],
    phone: ['', [Validators.maxLength(LIMITS.customer.phone)]],
    company: ['', [Validators.maxLength(LIMITS.customer.company)]],
    notes: ['', [Validators.maxLength(LIMITS.customer.notes)]],
  });

  constructor() {
    effect(() => {
      const initial = this.initial();
      untracked(() => this.form.reset({ ...initial }));
    });
    effect(() => {
      const problem = this.problem();
      if (problem) {
        untracked(() => {
          const first = applyServerErrors(this.form, problem.fieldErrors);
          if (first) {
            this.focus(first);
          } else if (problem.message) {
            // Bring the message above the form into view (the submit button may be far below it).
            afterNextRender(
              () => this.host.nativeElement.querySelector('bw-alert')?.scrollIntoView({ block: 'nearest' }),
              { injector: this.injector },
            );
          }
        });
      }
    });
  }

  protected errorFor(control: CustomerFormControl): string | null {
    return controlMessage(NOUNS[control], this.form.controls[control].errors);
  }

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      const first = CUSTOMER_FORM_CONTROLS.find((name) => this.form.controls[name].invalid);
      if (first) this.focus(first);
      return;
    }
    const v = this.form.getRawValue();
    this.submitted.emit({
      name: v.name.trim(),
      email: v.email.trim(),
      phone: v.phone.trim(),
      company: v.company.trim(),
      notes: v.notes.trim(),
    });
  }

  private focus(control: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(`[formcontrolname="${control}"]`)?.focus();
  }
}
