import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterOutlet } from '@angular/router';
import { SessionStore } from './core/auth/session.store';
import { LiveEvents } from './core/live/live-events.service';
import { UnreadMessagesStore } from './messages';
import { NAV_LINKS, NavBarComponent } from './shell';

@Component({
  selector: 'bw-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, NavBarComponent, MatButtonModule],
  template: `
    <bw-nav-bar
      [username]="username()"
      [links]="links"
      [busy]="loggingOut()"
      [unreadMessages]="unread.count()"
      [liveState]="live.state()"
      (logout)="logout()"
    />
    @if (logoutError(); as message) {
      <div class="banner" role="alert">
        <span>{{ message }}</span>
        <button matButton type="button" (click)="logoutError.set(null)">Dismiss</button>
      </div>
    }
    <main>
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100%;
    }
    main {
      flex: 1;
    }
    .banner {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      padding: 8px 24px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class App {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  /** The signed-in user's live stream (opened at sign-in, closed at logout); the nav bar shows when it reconnects. */
  protected readonly live = inject(LiveEvents);
  /** The unread count for the Messages badge, kept current by the live stream. */
  protected readonly unread = inject(UnreadMessagesStore);

  protected readonly links = NAV_LINKS;
  protected readonly username = computed(() => this.session.user()?.username ?? null);
  protected readonly loggingOut = signal(false);
  protected readonly logoutError = signal<string | null>(null);

  protected async logout(): Promise<void> {
    this.loggingOut.set(true);
    this.logoutError.set(null);
    const problem = await this.session.logout();
    this.loggingOut.set(false);
    if (problem) {
      this.logoutError.set(`Couldn't log out: ${problem.detail}`);
      return;
    }
    await this.router.navigateByUrl('/');
  }
}
