import type { ShortcutGroup } from '../../core/shortcuts/shortcut.types';

/** The ticket page's shortcuts, as the `?` overlay lists them (ticket.page.ts binds them). */
export const TICKET_PAGE_SHORTCUTS: ShortcutGroup = {
  title: 'Ticket page',
  shortcuts: [
    { keys: 'r', description: 'Write a reply' },
    { keys: 'e', description: 'Edit the ticket' },
    { keys: 'Shift+C', description: 'Mark complete, or reopen when it is closed' },
    { keys: 'm', description: 'Apply a macro' },
    { keys: 'j', description: 'Next ticket of the list you opened it from (nothing when opened from elsewhere)' },
    { keys: 'k', description: 'Previous ticket of that list' },
  ],
};
