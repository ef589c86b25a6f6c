import { Directive, effect, ElementRef, inject, input, output, untracked, viewChild } from '@angular/core';
import { type FormControl, type FormGroup, FormGroupDirective } from '@angular/forms';
import { type CredentialField, credentialErrorMessage, type FormProblem } from './credential-rules';
import { showServerErrors } from './server-errors';

/**
 * What the log-in and sign-up forms share: the pending state, the last failed attempt shown on its
 * fields (the password emptied, focus on the first field to fix), the first invalid field focused
 * on a rejected submit, and the Demo user choice.
 */
@Directive()
export abstract class CredentialForm<F extends CredentialField, V> {
  /** A request is in flight: buttons are disabled. */
  readonly pending = input(false);
  /** The last failed attempt; a new object each time, so the same error twice still shows. */
  readonly problem = input<FormProblem<F> | null>(null);

  readonly submitted = output<V>();
  readonly demo = output<void>();

  protected abstract readonly form: FormGroup<Record<F, FormControl<string>>>;

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  constructor() {
    effect(() => {
      const problem = this.problem();
      if (problem) {
        untracked(() => this.show(problem));
      }
    });
  }

  /** The value to send, trimmed where the server trims. */
  protected abstract value(): V;

  protected errorFor(field: F): string | null {
    return credentialErrorMessage(field, this.form.controls[field].errors);
  }

  protected submit(): void {
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      const controls = this.form.controls;
      const first = (Object.keys(controls) as F[]).find((name) => controls[name].invalid);
      if (first) this.focus(first);
      return;
    }
    this.submitted.emit(this.value());
  }

  private show(problem: FormProblem<F>): void {
    const focus = showServerErrors(this.formDirective(), this.form, problem, ['password' as F]);
    if (focus) this.focus(focus);
  }

  private focus(field: string): void {
    this.host.nativeElement.querySelector<HTMLInputElement>(`[formcontrolname="${field}"]`)?.focus();
  }
}
