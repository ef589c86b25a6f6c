import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { DEFAULT_AFTER_LOGIN_URL } from '../navigation/return-url';
import { SessionStore } from './session.store';

/** Lets signed-in users through; sends everyone else to /login, remembering where they were going. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
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
