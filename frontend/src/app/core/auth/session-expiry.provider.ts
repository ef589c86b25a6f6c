import { type EnvironmentProviders, inject, provideAppInitializer } from '@angular/core';
import { Router } from '@angular/router';
import { client } from '@bw/sdk';
import { isSessionExpiredResponse } from './session-expiry';
import { SessionExpiryNotice } from './session-expiry-notice';
import { SessionStore } from './session.store';

/**
 * When the server says the session is gone in the middle of using the app, forget the user
 * and send them to /login, coming back to the same page afterwards. What they were typing is in
 * the drafts store (written now, not after the debounce) and comes back on that page; the banner
 * says so.
 */
export function provideSessionExpiryHandling(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const session = inject(SessionStore);
    const router = inject(Router);
    const notice = inject(SessionExpiryNotice);
    client.interceptors.response.use((response, request) => {
      if (isSessionExpiredResponse(response.status, request.url) && session.isLoggedIn()) {
        const returnUrl = router.url;
        notice.expired(session.user()?.id ?? null, returnUrl);
        session.forget();
        void router.navigate(['/login'], { queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {} });
      }
      return response;
    });
  });
}
