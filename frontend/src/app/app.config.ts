import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { appRoutes } from './app.routes';
import { provideSdk } from './core/api/sdk-setup';
import { provideSessionExpiryHandling } from './core/auth/session-expiry.provider';
import { SessionStore } from './core/auth/session.store';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    // Order matters: the SDK is configured (synchronously) before the session is asked for.
    provideSdk(),
    provideSessionExpiryHandling(),
    provideAppInitializer(() =>
      inject(SessionStore)
        .ensureLoaded()
        .then(() => undefined),
    ),
  ],
};
