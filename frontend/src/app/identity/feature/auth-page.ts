import { Directive, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { AuthOutcome } from '../../core/auth/session.store';
import { SessionStore } from '../../core/auth/session.store';
import { safeReturnUrl } from '../../core/navigation/return-url';
import type { FormProblem } from '../ui/credential-rules';
import { type AuthAction, toAuthFormProblem } from './auth-problem';

/**
 * The base of the login and sign-up pages: `?returnUrl=`, the pending flag and the last problem
 * of their form, the "Demo user" button, and where to go once signed in.
 */
@Directive()
export abstract class AuthPage<Field extends string> {
  /** `?returnUrl=`, bound by the router; where to go once signed in. */
  readonly returnUrl = input<string>();

  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly pending = signal(false);
  protected readonly problem = signal<FormProblem<Field> | null>(null);

  /** The form's fields, which server errors may name. */
  protected abstract readonly fields: readonly Field[];

  protected demo(): Promise<void> {
    return this.attempt('demo', () => this.session.demoLogin());
  }

  protected async attempt(action: AuthAction, call: () => Promise<AuthOutcome>): Promise<void> {
    this.pending.set(true);
    const outcome = await call();
    this.pending.set(false);
    if (outcome.ok) {
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      return;
    }
    this.problem.set(toAuthFormProblem(outcome.problem, this.fields, action));
  }
}
