import { ChangeDetectionStrategy, Component, inject, type Injector } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { SHORTCUT_GROUPS } from './shortcut.service';
import type { ShortcutGroup } from './shortcut.types';

/** The `?` overlay: every keyboard shortcut, grouped by the page it works on. */
@Component({
  selector: 'bw-shortcuts-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Keyboard shortcuts</h2>
    <!-- Focusable, so a keyboard can scroll the list where it does not fit (a phone). -->
    <mat-dialog-content tabindex="0">
      <p class="intro">They work when the focus is not in a text field.</p>
      @for (group of groups; track group.title) {
        <section class="group" [attr.aria-labelledby]="'shortcut-group-' + $index">
          <h3 [id]="'shortcut-group-' + $index">{{ group.title }}</h3>
          <dl data-testid="shortcut-group">
            @for (shortcut of group.shortcuts; track shortcut.keys) {
              <div class="row">
                <dt>
                  @for (key of shortcut.keys.split(' '); track $index) {
                    @if (!$first) {
                      <span class="then">then</span>
                    }
                    <kbd>{{ key }}</kbd>
                  }
                </dt>
                <dd>{{ shortcut.description }}</dd>
              </div>
            }
          </dl>
        </section>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton="filled" type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .intro {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    h3 {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    dl {
      margin: 0;
    }
    .row {
      display: grid;
      grid-template-columns: 9rem 1fr;
      gap: 12px;
      align-items: baseline;
      padding: 6px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    dt {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: baseline;
    }
    dd {
      margin: 0;
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    kbd {
      min-width: 1.5em;
      padding: 1px 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      font-family: ui-monospace, monospace;
      text-align: center;
    }
    .then {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ShortcutsDialogComponent {
  protected readonly groups = inject(MAT_DIALOG_DATA) as readonly ShortcutGroup[];
}

/** Opens the overlay (once: pressing `?` again while it is open does nothing). */
export async function openShortcutsDialog(injector: Injector): Promise<void> {
  const dialogs = injector.get(MatDialog);
  if (dialogs.openDialogs.some((ref) => ref.componentInstance instanceof ShortcutsDialogComponent)) return;
  const sources = injector.get(SHORTCUT_GROUPS, []);
  const groups = await Promise.all(sources.map((source) => (typeof source === 'function' ? source() : source)));
  dialogs.open(ShortcutsDialogComponent, { data: groups, width: '560px', autoFocus: 'dialog', restoreFocus: true });
}
