import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { AuthOutcome } from '../../core/auth/session.store';
import { SessionStore } from '../../core/auth/session.store';
import { safeReturnUrl } from '../../core/navigation/return-url';
import { AuthCardComponent } from '../ui/auth-card.component';
import type { FormProblem } from '../ui/credential-rules';
import { type SignupField, SignupFormComponent, type SignupFormValue } from '../ui/signup-form.component';
import { type AuthAction, toAuthFormProblem } from './auth-problem';

const SIGNUP_FIELDS: readonly SignupField[] = ['email', 'username', 'password'];

@Component({
  selector: 'bw-signup-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthCardComponent, SignupFormComponent, RouterLink],
  template: `
    <div class="bw-page auth-page">
      <bw-auth-card heading="Sign up" subheading="Create your Balanced Workspace account">
        <bw-signup-form [pending]="pending()" [problem]="problem()" (submitted)="signup($event)" (demo)="demo()" />
        <p bwAuthCardFooter>
          Already have an account?
          <a routerLink="/login" [queryParams]="returnUrl() ? { returnUrl: returnUrl() } : {}">Log in</a>
        </p>
      </bw-auth-card>
    </div>
  `,
  styleUrl: './auth-page.scss',
})
export class SignupPage {
  /** `?returnUrl=`, bound by the router; where to go once signed up. */
  readonly returnUrl = input<string>();

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly pending = signal(false);
  protected readonly problem = signal<FormProblem<SignupField> | null>(null);

  protected signup(details: SignupFormValue): Promise<void> {
    return this.attempt('signup', () => this.session.signup(details));
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
    this.problem.set(toAuthFormProblem(outcome.problem, SIGNUP_FIELDS, action));
  }
}
