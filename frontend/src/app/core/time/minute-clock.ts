import { Injectable, signal } from '@angular/core';

/**
 * The time, to the minute, for every relative time on screen: one timer for the whole app (not
 * one per element), started when the first one is shown.
 */
@Injectable({ providedIn: 'root' })
export class MinuteClock {
  private readonly current = signal(Date.now());
  private started = false;

  /** Now, as a signal that changes once a minute. */
  now(): number {
    if (!this.started) {
      this.started = true;
      setInterval(() => this.current.set(Date.now()), 60_000);
    }
    return this.current();
  }
}
