import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling, withPreloading } from '@angular/router';
import { appRoutes } from './app.routes';
import { provideSdk } from './core/api/sdk-setup';
import { provideSessionExpiryHandling } from './core/auth/session-expiry.provider';
import { SessionStore } from './core/auth/session.store';
import { PreloadFirstPages } from './core/navigation/preload-first-pages';
import { GLOBAL_SHORTCUTS, provideGlobalShortcuts } from './core/shortcuts/global-shortcuts';
import { provideShortcuts } from './core/shortcuts/provide-shortcuts';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      withPreloading(PreloadFirstPages),
    ),
    // Order matters: the SDK is configured (synchronously) before the session is asked for.
    provideSdk(),
    provideSessionExpiryHandling(),
    provideGlobalShortcuts(),
    // The `?` overlay's groups, in the order it lists them.
    provideShortcuts(
      GLOBAL_SHORTCUTS,
      () => import('./tickets').then((m) => ({ title: 'Tickets list', shortcuts: m.LIST_SHORTCUTS })),
      () => import('./tickets').then((m) => m.TICKET_PAGE_SHORTCUTS),
    ),
    // Who is signed in is asked at once, but the app does not wait for the answer: the first
    // route's code loads meanwhile, and the guards wait for it where it matters.
    provideAppInitializer(() => {
      void inject(SessionStore).ensureLoaded();
    }),
  ],
};
