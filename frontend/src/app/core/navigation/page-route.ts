import type { Route } from '@angular/router';

/** The app's name, after the page's in every tab title. */
const APP_TITLE = 'Balanced Workspace';

/** A lazily loaded page at `path`, titled "`title` · Balanced Workspace". */
export function pageRoute(
  path: string,
  title: string,
  loadComponent: NonNullable<Route['loadComponent']>,
  extra: Omit<Route, 'path' | 'title' | 'loadComponent'> = {},
): Route {
  return { path, title: `${title} · ${APP_TITLE}`, ...extra, loadComponent };
}
