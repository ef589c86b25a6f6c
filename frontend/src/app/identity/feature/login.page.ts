import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthCardComponent } from '../ui/auth-card.component';
import { type LoginField, LoginFormComponent, type LoginFormValue } from '../ui/login-form.component';
import { AuthPage } from './auth-page';

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
export class LoginPage extends AuthPage<LoginField> {
  protected readonly fields: readonly LoginField[] = ['email', 'password'];

  protected login(credentials: LoginFormValue): Promise<void> {
    return this.attempt('login', () => this.session.login(credentials));
  }
}
