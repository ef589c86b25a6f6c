import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { SessionExpiryNotice } from './core/auth/session-expiry-notice';
import { SessionStore } from './core/auth/session.store';
import { openShortcutsOverlay } from './core/shortcuts/global-shortcuts';
import { LiveEvents } from './core/live/live-events.service';
import { UnreadMessagesStore } from './messages';
import { NAV_LINKS, NavBarComponent } from './shell';

@Component({
  selector: 'bw-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, NavBarComponent],
  template: `
    <a class="bw-skip" href="#main" (click)="focusMain($event)">Skip to content</a>
    <bw-nav-bar
      [username]="username()"
      [sessionKnown]="sessionKnown()"
      [links]="links"
      [path]="path()"
      [busy]="loggingOut()"
      [unreadMessages]="unread.count()"
      [liveState]="live.state()"
      (logout)="logout()"
      (shortcuts)="openShortcuts()"
    />
    @if (expiry.message(); as message) {
      <div class="banner" role="alert" data-testid="session-expired">
        <span>{{ message }}</span>
        <button class="bw-text-button" type="button" (click)="expiry.dismiss()">Dismiss</button>
      </div>
    }
    @if (logoutError(); as message) {
      <div class="banner" role="alert">
        <span>{{ message }}</span>
        <button class="bw-text-button" type="button" (click)="logoutError.set(null)">Dismiss</button>
      </div>
    }
    <main id="main" tabindex="-1">
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
    @media (max-width: 1100px) {
      main {
        padding-bottom: 56px;
      }
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

  /** "Your session expired — sign in again", until the user has. */
  protected readonly expiry = inject(SessionExpiryNotice);

  private readonly injector = inject(Injector);

  protected readonly links = NAV_LINKS;
  protected readonly username = computed(() => this.session.user()?.username ?? null);
  protected readonly sessionKnown = this.session.known;
  /** The current page's path (no query), for the nav bar's highlight and the focus on a page change. */
  protected readonly path = signal('');
  protected readonly loggingOut = signal(false);
  protected readonly logoutError = signal<string | null>(null);

  constructor() {
    const injector = this.injector;
    effect(() => {
      if (this.session.isLoggedIn()) this.expiry.dismiss();
    });
    this.router.events.subscribe((event) => {
      if (!(event instanceof NavigationEnd)) return;
      const path = event.urlAfterRedirects.split(/[?#]/)[0];
      // A new page (not a new query, as a search box writes): the focus goes to its heading.
      if (this.path() && path !== this.path()) afterNextRender(() => this.focusMain(), { injector });
      this.path.set(path);
    });
  }

  /** Moves the focus to the page's main heading, or to main when it has none yet. */
  protected focusMain(event?: Event): void {
    event?.preventDefault();
    const main = document.getElementById('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    target?.setAttribute('tabindex', '-1');
    target?.focus();
  }

  protected openShortcuts(): void {
    void openShortcutsOverlay(this.injector);
  }

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
