import { ChangeDetectionStrategy, Component, computed, inject, input, LOCALE_ID } from '@angular/core';
import { MinuteClock } from '../../core/time/minute-clock';
import { exactTime, relativeTime } from '../../core/time/relative-time';

/**
 * A moment as "5 minutes ago" / "yesterday" / "Nov 24", with the exact time on hover (and in
 * `datetime` for machines). Kept current by the app's one minute clock.
 *
 *     <bw-relative-time [at]="comment.createdAt" />
 */
@Component({
  selector: 'bw-relative-time',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<time [attr.datetime]="at()" [title]="exact()">{{ text() }}</time>`,
})
export class RelativeTimeComponent {
  /** An ISO 8601 timestamp. */
  readonly at = input.required<string>();

  private readonly clock = inject(MinuteClock);
  private readonly locale = inject(LOCALE_ID);
  protected readonly text = computed(() => relativeTime(this.at(), this.clock.now(), this.locale));
  protected readonly exact = computed(() => exactTime(this.at(), this.locale));
}
