import { DestroyRef, inject, Injectable, InjectionToken } from '@angular/core';
import { isTypingTarget, type PressTarget, pressName, SEQUENCE_TIMEOUT_MS } from './shortcut-keys';
import type { ShortcutBinding, ShortcutGroupSource } from './shortcut.types';

/** Every page's shortcut group, contributed with `provideShortcuts()`; the `?` overlay lists them. */
export const SHORTCUT_GROUPS = new InjectionToken<readonly ShortcutGroupSource[]>('SHORTCUT_GROUPS');

/** A key press as the service reads it. */
export type Press = Pick<
  KeyboardEvent,
  'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey' | 'repeat' | 'defaultPrevented'
> & {
  readonly target: PressTarget | EventTarget | null;
  preventDefault(): void;
};

/** Where the presses come from, and whether a dialog has the page (the document, in the app). */
export interface ShortcutHost {
  listen(handler: (press: Press) => void): void;
  dialogOpen(): boolean;
}

const documentHost: ShortcutHost = {
  listen: (handler) => document.addEventListener('keydown', handler),
  // A dialog (or another modal) has the page: shortcuts of the page underneath wait.
  dialogOpen: () =>
    document.querySelector('.cdk-overlay-container [role="dialog"], .cdk-overlay-container [role="alertdialog"]') !==
    null,
};

/**
 * The keyboard shortcuts: one keydown listener on the document for the whole app. Pages bind
 * what their keys do while they are open (`bind()` in their constructor); the latest binding of
 * a key wins, so a page can take over a key for itself. Keys typed into a text field are text,
 * and while a dialog is open only the bindings made for it (`inDialog`) apply.
 */
@Injectable({ providedIn: 'root', useFactory: () => new ShortcutService(documentHost) })
export class ShortcutService {
  private readonly bindings: ShortcutBinding[] = [];
  private pendingFirst: { key: string; at: number } | null = null;

  constructor(private readonly host: ShortcutHost) {
    host.listen((press) => this.handle(press));
  }

  /** Binds `bindings` until the calling component (or service) is destroyed. */
  bind(bindings: readonly ShortcutBinding[], destroyRef: DestroyRef = inject(DestroyRef)): void {
    this.bindings.push(...bindings);
    destroyRef.onDestroy(() => {
      for (const binding of bindings) {
        const index = this.bindings.indexOf(binding);
        if (index >= 0) this.bindings.splice(index, 1);
      }
    });
  }

  /** Handles one key press (the document listener's work; public for tests). */
  handle(event: Press, now = Date.now()): void {
    if (event.defaultPrevented || event.repeat || isTypingTarget(event.target as PressTarget | null)) return;
    const press = pressName(event);
    if (press === null) return;
    const first = this.pendingFirst && now - this.pendingFirst.at <= SEQUENCE_TIMEOUT_MS ? this.pendingFirst.key : null;
    this.pendingFirst = null;
    const modal = this.host.dialogOpen();
    const usable = (binding: ShortcutBinding): boolean => !modal || binding.inDialog === true;
    const candidates = [...this.bindings].reverse().filter(usable);
    const binding =
      (first && candidates.find((b) => b.keys === `${first} ${press}`)) || candidates.find((b) => b.keys === press);
    if (binding) {
      event.preventDefault();
      binding.run();
      return;
    }
    if (candidates.some((b) => b.keys.startsWith(`${press} `))) {
      this.pendingFirst = { key: press, at: now };
    }
  }
}
