import {
  ChangeDetectionStrategy,
  Component,
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
import { credentialErrorMessage, EMAIL_MAX_LENGTH, type FormProblem, PASSWORD_MAX_LENGTH } from './credential-rules';
import { showServerErrors } from './server-errors';

export type LoginField = 'email' | 'password';

export interface LoginFormValue {
  readonly email: string;
  readonly password: string;
}

@Component({
  selector: 'bw-login-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  templateUrl: './login-form.component.html',
  styleUrl: './auth-form.scss',
})
export class LoginFormComponent {
  /** A request is in flight: buttons are disabled. */
  readonly pending = input(false);
  /** The last failed attempt; a new object each time, so the same error twice still shows. */
  readonly problem = input<FormProblem<LoginField> | null>(null);

  readonly submitted = output<LoginFormValue>();
  readonly demo = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });

  constructor() {
    effect(() => {
      const problem = this.problem();
      if (problem) {
        untracked(() => this.show(problem));
      }
    });
  }

  protected errorFor(field: LoginField): string | null {
    return credentialErrorMessage(field, this.form.controls[field].errors);
  }

  protected submit(): void {
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.submitted.emit({ email: email.trim(), password });
  }

  private show(problem: FormProblem<LoginField>): void {
    const focus = showServerErrors(this.formDirective(), this.form, problem, ['password']);
    if (focus) {
      this.host.nativeElement.querySelector<HTMLInputElement>(`[formcontrolname="${focus}"]`)?.focus();
    }
  }
}
