// The app frame: the nav bar and its links. The 404 page (not-found.page.ts) is loaded lazily
// by app.routes.ts.
export { NavBarComponent } from './nav-bar.component';
export { NAV_LINKS, type NavLink } from './nav-links';
