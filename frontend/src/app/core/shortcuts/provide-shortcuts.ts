import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { SHORTCUT_GROUPS } from './shortcut.service';
import type { ShortcutGroupSource } from './shortcut.types';

/**
 * Adds pages' shortcut groups to the `?` overlay, in the app's providers. A feature's group is
 * given as a loader, so the feature does not load with the first page:
 *
 *     provideShortcuts(() => import('./tickets').then((m) => m.LIST_SHORTCUTS))
 *
 * The overlay lists the groups in the order they were provided.
 */
export function provideShortcuts(...groups: readonly ShortcutGroupSource[]): EnvironmentProviders {
  return makeEnvironmentProviders(groups.map((group) => ({ provide: SHORTCUT_GROUPS, useValue: group, multi: true })));
}
