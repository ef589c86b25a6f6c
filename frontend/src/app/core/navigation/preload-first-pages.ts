import { Injectable } from '@angular/core';
import type { PreloadingStrategy, Route } from '@angular/router';
import { type Observable, of } from 'rxjs';

/** The pages a user lands on after signing in (the list, then a ticket), loaded ahead of time. */
const FIRST_PAGES: ReadonlySet<string> = new Set(['tickets', 'ticket/:id']);

/**
 * Once the first page is shown, loads the features' route tables (small) and the code of the
 * pages users go to next — the ticket list and a ticket — so "Demo user" or "Log in" does not
 * wait for them. Other pages load on first visit. Nothing is preloaded when the browser asks to
 * save data.
 */
@Injectable({ providedIn: 'root' })
export class PreloadFirstPages implements PreloadingStrategy {
  preload(route: Route, load: () => Observable<unknown>): Observable<unknown> {
    const connection = (globalThis.navigator as { connection?: { saveData?: boolean } } | undefined)?.connection;
    const saveData = connection?.saveData === true;
    if (saveData) return of(null);
    const wanted = route.loadChildren !== undefined || FIRST_PAGES.has(route.path ?? '');
    return wanted ? load() : of(null);
  }
}
