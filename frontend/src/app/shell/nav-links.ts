export interface NavLink {
  readonly path: string;
  readonly label: string;
  /** A count shown next to the label (the nav bar gets the numbers), e.g. unread messages. */
  readonly badge?: 'unreadMessages';
}

/**
 * The main navigation for signed-in users. Each slice adds its entry here
 * (Macros, Triggers, Messages follow).
 */
export const NAV_LINKS: readonly NavLink[] = [
  { path: '/tickets', label: 'Tickets' },
  { path: '/customers', label: 'Customers' },
  { path: '/macros', label: 'Macros' },
  { path: '/triggers', label: 'Triggers' },
  { path: '/messages', label: 'Messages', badge: 'unreadMessages' },
];
