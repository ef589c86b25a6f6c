import type { Request, Response } from 'express';

import { SESSION_COOKIE } from '../../../platform/auth/session-cookie';
export { SESSION_COOKIE };

/** A new session id for a fresh login (no session fixation), carrying the user's id. */
export function startSession(req: Request, userId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) return reject(error);
      req.session.userId = userId;
      req.session.save((saveError) => (saveError ? reject(saveError) : resolve()));
    });
  });
}

/** Destroys the session server-side and clears the cookie. */
export function endSession(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.destroy((error) => {
      if (error) return reject(error);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      resolve();
    });
  });
}
