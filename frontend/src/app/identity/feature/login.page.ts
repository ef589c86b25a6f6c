import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { AuthOutcome } from '../../core/auth/session.store';
import { SessionStore } from '../../core/auth/session.store';
import { safeReturnUrl } from '../../core/navigation/return-url';
import { AuthCardComponent } from '../ui/auth-card.component';
import type { FormProblem } from '../ui/credential-rules';
import { type LoginField, LoginFormComponent, type LoginFormValue } from '../ui/login-form.component';
import { type AuthAction, toAuthFormProblem } from './auth-problem';

const LOGIN_FIELDS: readonly LoginField[] = ['email', 'password'];

@Component({
  selector: 'bw-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthCardComponent, LoginFormComponent, RouterLink],
  template: `
    <div class="bw-page auth-page">
      <bw-auth-card heading="Log in" subheading="Welcome back to Balanced Workspace">
        <bw-login-form [pending]="pending()" [problem]="problem()" (submitted)="login($event)" (demo)="demo()" />
        <p bwAuthCardFooter>
          New here?
          <a routerLink="/signup" [queryParams]="returnUrl() ? { returnUrl: returnUrl() } : {}">Create an account</a>
        </p>
      </bw-auth-card>
    </div>
  `,
  styleUrl: './auth-page.scss',
})
export class LoginPage {
  /** `?returnUrl=`, bound by the router; where to go after logging in. */
  readonly returnUrl = input<string>();

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly pending = signal(false);
  protected readonly problem = signal<FormProblem<LoginField> | null>(null);

  protected login(credentials: LoginFormValue): Promise<void> {
    return this.attempt('login', () => this.session.login(credentials));
  }

  protected demo(): Promise<void> {
    return this.attempt('demo', () => this.session.demoLogin());
  }

  private async attempt(action: AuthAction, call: () => Promise<AuthOutcome>): Promise<void> {
    this.pending.set(true);
    const outcome = await call();
    this.pending.set(false);
    if (outcome.ok) {
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      return;
    }
    this.problem.set(toAuthFormProblem(outcome.problem, LOGIN_FIELDS, action));
  }
}
