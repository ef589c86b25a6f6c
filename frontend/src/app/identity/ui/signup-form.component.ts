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
import {
  credentialErrorMessage,
  EMAIL_MAX_LENGTH,
  type FormProblem,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
  USERNAME_PATTERN,
} from './credential-rules';
import { showServerErrors } from './server-errors';

export type SignupField = 'email' | 'username' | 'password';

export interface SignupFormValue {
  readonly email: string;
  readonly username: string;
  readonly password: string;
}

@Component({
  selector: 'bw-signup-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  templateUrl: './signup-form.component.html',
  styleUrl: './auth-form.scss',
})
export class SignupFormComponent {
  readonly pending = input(false);
  readonly problem = input<FormProblem<SignupField> | null>(null);

  readonly submitted = output<SignupFormValue>();
  readonly demo = output<void>();

  protected readonly rules = { USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH, PASSWORD_MIN_LENGTH };

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    username: [
      '',
      [
        Validators.required,
        Validators.minLength(USERNAME_MIN_LENGTH),
        Validators.maxLength(USERNAME_MAX_LENGTH),
        Validators.pattern(USERNAME_PATTERN),
      ],
    ],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
  });

  constructor() {
    effect(() => {
      const problem = this.problem();
      if (problem) {
        untracked(() => this.show(problem));
      }
    });
  }

  protected errorFor(field: SignupField): string | null {
    return credentialErrorMessage(field, this.form.controls[field].errors);
  }

  protected submit(): void {
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const { email, username, password } = this.form.getRawValue();
    this.submitted.emit({ email: email.trim(), username: username.trim(), password });
  }

  private show(problem: FormProblem<SignupField>): void {
    const focus = showServerErrors(this.formDirective(), this.form, problem, ['password']);
    if (focus) {
      this.focus(focus);
    }
  }

  private focusFirstInvalid(): void {
    const first = (Object.keys(this.form.controls) as SignupField[]).find((name) => this.form.controls[name].invalid);
    if (first) {
      this.focus(first);
    }
  }

  private focus(field: string): void {
    this.host.nativeElement.querySelector<HTMLInputElement>(`[formcontrolname="${field}"]`)?.focus();
  }
}
