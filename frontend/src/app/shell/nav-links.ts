export interface NavLink {
  readonly path: string;
  readonly label: string;
  /** The pages of this section (their paths), so a detail page highlights its section too. */
  readonly section: RegExp;
  /** A count shown next to the label (the nav bar gets the numbers), e.g. unread messages. */
  readonly badge?: 'unreadMessages';
}

/** The main navigation for signed-in users. */
export const NAV_LINKS: readonly NavLink[] = [
  { path: '/tickets', label: 'Tickets', section: /^\/(tickets|ticket\/|new-ticket|users\/[^/]+\/tickets)/ },
  { path: '/customers', label: 'Customers', section: /^\/(customers|customer\/|users\/[^/]+\/customers)/ },
  { path: '/macros', label: 'Macros', section: /^\/macros/ },
  { path: '/triggers', label: 'Triggers', section: /^\/triggers/ },
  { path: '/webhooks', label: 'Webhooks', section: /^\/webhooks/ },
  { path: '/messages', label: 'Messages', section: /^\/messages/, badge: 'unreadMessages' },
  { path: '/dashboard', label: 'Dashboard', section: /^\/dashboard/ },
  { path: '/settings', label: 'Settings', section: /^\/settings\/?(\?|#|$)/ },
];
