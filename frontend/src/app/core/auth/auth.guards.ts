import { inject } from '@angular/core';
import { type ActivatedRouteSnapshot, type CanActivateFn, Router } from '@angular/router';
import { DEFAULT_AFTER_LOGIN_URL } from '../navigation/return-url';
import { SessionStore } from './session.store';

/**
 * Starts loading the code of the pages under `route` now, while the guard waits for the
 * session, instead of after it (the router loads a page's component only once its guards pass).
 * The router's own load later gets the same module.
 */
function startLoadingPages(route: ActivatedRouteSnapshot): void {
  for (let child = route.firstChild; child; child = child.firstChild) {
    void child.routeConfig?.loadComponent?.();
  }
}

/** Lets signed-in users through; sends everyone else to /login, remembering where they were going. */
export const authGuard: CanActivateFn = async (route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  startLoadingPages(route);
  const user = await session.ensureLoaded();
  return user !== null ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Keeps signed-in users away from /login and /signup. */
export const guestGuard: CanActivateFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  const user = await session.ensureLoaded();
  return user === null ? true : router.parseUrl(DEFAULT_AFTER_LOGIN_URL);
};
