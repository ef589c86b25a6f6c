import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import type { LiveState } from '../core/live/live-stream';
import type { NavLink } from './nav-links';

/**
 * The top bar on every page: product name, main links, and who is signed in. On a phone the main
 * links move to a bar along the bottom of the screen, all of them in view.
 */
@Component({
  selector: 'bw-nav-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  templateUrl: './nav-bar.component.html',
  styleUrl: './nav-bar.component.scss',
})
export class NavBarComponent {
  /** The signed-in user's name, or `null` for visitors. */
  readonly username = input<string | null>(null);
  /** Whether the server has said who is signed in; until then the bar offers neither Log in nor Log out. */
  readonly sessionKnown = input(true);
  readonly links = input<readonly NavLink[]>([]);
  /** The current page's path; the link of its section is highlighted. */
  readonly path = input('');
  /** Logging out is in flight. */
  readonly busy = input(false);
  /** Unread messages, shown as a badge on the link that asks for it. */
  readonly unreadMessages = input(0);
  /** Where the live stream is; "Reconnecting…" shows while it is being made again. */
  readonly liveState = input<LiveState>('off');

  readonly logout = output<void>();
  /** "Keyboard shortcuts" was chosen: the app opens the `?` overlay. */
  readonly shortcuts = output<void>();
}
