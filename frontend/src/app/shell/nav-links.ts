export interface NavLink {
  readonly path: string;
  readonly label: string;
}

/**
 * The main navigation for signed-in users. Each slice adds its entry here
 * (Customers, Macros, Triggers, Messages follow Tickets).
 */
export const NAV_LINKS: readonly NavLink[] = [{ path: '/tickets', label: 'Tickets' }];
