import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthCardComponent } from '../ui/auth-card.component';
import { type SignupField, SignupFormComponent, type SignupFormValue } from '../ui/signup-form.component';
import { AuthPage } from './auth-page';

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
export class SignupPage extends AuthPage<SignupField> {
  protected readonly fields: readonly SignupField[] = ['email', 'username', 'password'];

  protected signup(details: SignupFormValue): Promise<void> {
    return this.attempt('signup', () => this.session.signup(details));
  }
}
