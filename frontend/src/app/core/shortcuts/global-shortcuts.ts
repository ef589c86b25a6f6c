import { type EnvironmentProviders, inject, Injector, provideAppInitializer } from '@angular/core';
import { Router } from '@angular/router';
import { SessionStore } from '../auth/session.store';
import { ShortcutService } from './shortcut.service';
import type { ShortcutGroup } from './shortcut.types';

/** The shortcuts that work on every page once signed in. */
export const GLOBAL_SHORTCUTS: ShortcutGroup = {
  title: 'Anywhere',
  shortcuts: [
    { keys: '?', description: 'Show these keyboard shortcuts' },
    { keys: '/', description: "Focus the page's search box" },
    { keys: 'n', description: 'New ticket' },
    { keys: 'g t', description: 'Go to tickets' },
  ],
};

/** Focuses the search box of the page in view, if it has one. */
export function focusPageSearch(): void {
  document.querySelector<HTMLInputElement>('main input[type="search"]')?.focus();
}

/**
 * Opens the `?` overlay. It (and the dialog service) are a chunk of their own, loaded the first
 * time it is asked for, so the first page does not wait for them.
 */
export async function openShortcutsOverlay(injector: Injector): Promise<void> {
  const { openShortcutsDialog } = await import('./shortcuts-dialog.component');
  await openShortcutsDialog(injector);
}

/** Binds the "Anywhere" shortcuts for the app's lifetime. */
export function provideGlobalShortcuts(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const shortcuts = inject(ShortcutService);
    const router = inject(Router);
    const session = inject(SessionStore);
    const injector = inject(Injector);
    const signedIn = (run: () => void) => () => {
      if (session.isLoggedIn()) run();
    };
    shortcuts.bind([
      { keys: '?', run: signedIn(() => void openShortcutsOverlay(injector)) },
      { keys: '/', run: focusPageSearch },
      { keys: 'n', run: signedIn(() => void router.navigateByUrl('/new-ticket')) },
      { keys: 'g t', run: signedIn(() => void router.navigateByUrl('/tickets')) },
    ]);
  });
}
