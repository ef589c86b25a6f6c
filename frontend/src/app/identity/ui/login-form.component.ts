import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CredentialForm } from './credential-form';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from './credential-rules';
import { DemoChoiceComponent } from './demo-choice.component';

export type LoginField = 'email' | 'password';

export interface LoginFormValue {
  readonly email: string;
  readonly password: string;
}

@Component({
  selector: 'bw-login-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, DemoChoiceComponent],
  templateUrl: './login-form.component.html',
  styleUrl: './auth-form.scss',
})
export class LoginFormComponent extends CredentialForm<LoginField, LoginFormValue> {
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });

  protected value(): LoginFormValue {
    const { email, password } = this.form.getRawValue();
    return { email: email.trim(), password };
  }
}
