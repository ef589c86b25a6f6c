import type { CanDeactivateFn } from '@angular/router';

/** A page that may hold unsent work: it decides (and may ask) whether the user can leave it. */
export interface LeavesSafely {
  canLeave(): boolean | Promise<boolean>;
}

/** `canDeactivate` for a page that implements `LeavesSafely`. */
export const unsavedChangesGuard: CanDeactivateFn<LeavesSafely> = (page) => page.canLeave();
