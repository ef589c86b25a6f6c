import { type EnvironmentProviders, inject, provideAppInitializer } from '@angular/core';
import { Router } from '@angular/router';
import { client } from '@bw/sdk';
import { isSessionExpiredResponse } from './session-expiry';
import { SessionStore } from './session.store';

/**
 * When the server says the session is gone in the middle of using the app, forget the user
 * and send them to /login, coming back to the same page afterwards.
 */
export function provideSessionExpiryHandling(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const session = inject(SessionStore);
    const router = inject(Router);
    client.interceptors.response.use((response, request) => {
      if (isSessionExpiredResponse(response.status, request.url) && session.isLoggedIn()) {
        session.forget();
        const returnUrl = router.url;
        void router.navigate(['/login'], { queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {} });
      }
      return response;
    });
  });
}
