import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Ticket } from '../../shared/ticket-fields/ticket-fields';
import { problemMessage } from '../../core/api/problem-message';
import { AlertComponent } from '../../shared/ui/alert.component';
import { MacroApplyStore } from '../data-access/macro-apply.store';
import { MacroPreviewComponent } from '../ui/macro-preview.component';
import { MacroPickerComponent } from './macro-picker.component';

let nextId = 0;

/**
 * "Apply a macro" for one ticket: choose a macro, see what it would change and which comments
 * it would add (a dry run on the server), then Apply. Emits the updated ticket; the host should
 * show it and reload the conversation (the macro may have added comments).
 *
 *     <bw-macro-apply [ticketId]="t.id" [ticket]="t" (applied)="macroApplied($event)" />
 */
@Component({
  selector: 'bw-macro-apply',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, AlertComponent, MacroPickerComponent, MacroPreviewComponent],
  providers: [MacroApplyStore],
  host: { role: 'region', '[attr.aria-labelledby]': 'headingId', 'data-testid': 'macro-apply' },
  template: `
    <h2 class="heading" [id]="headingId">Apply a macro</h2>
    <bw-macro-picker
      [(macroId)]="macroId"
      [disabled]="store.applying()"
      hint="Choose a macro to preview what it would do"
    />

    <div class="bw-progress">
      @if (store.previewing() || store.applying()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="store.applying() ? 'Applying the macro' : 'Loading the preview'"
        />
      }
    </div>

    @if (errorMessage(); as message) {
      <bw-alert [message]="message" actionLabel="Try again" (action)="retry()" />
    }

    @if (store.preview(); as preview) {
      <bw-macro-preview [preview]="preview" />
      <div class="buttons">
        <button matButton type="button" [disabled]="store.applying()" (click)="cancel()">Cancel</button>
        <button matButton="filled" type="button" [disabled]="store.applying()" (click)="apply()">
          {{ store.applying() ? 'Applying…' : 'Apply' }}
        </button>
      </div>
    }

    <p class="status" role="status">{{ status() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .heading {
      margin: 0 0 12px;
      font: var(--mat-sys-title-medium);
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
    .status {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .status:empty {
      display: none;
    }
  `,
})
export class MacroApplyComponent {
  /** The ticket to apply a macro to. */
  readonly ticketId = input.required<string>();
  /** The ticket as the host shows it, to compare the preview with; read from the API when absent. */
  readonly ticket = input<Ticket | null>(null);

  /** The ticket after the macro was applied. */
  readonly applied = output<Ticket>();

  protected readonly store = inject(MacroApplyStore);
  protected readonly headingId = `bw-macro-apply-${nextId++}`;
  protected readonly macroId = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly errorMessage = computed(() => {
    const problem = this.store.problem();
    return problem ? problemMessage(problem) : null;
  });

  constructor() {
    effect(() => {
      const ticketId = this.ticketId();
      const macroId = this.macroId();
      // A newer ticket from the host (changed on the page meanwhile) makes the preview stale.
      const current = this.ticket();
      untracked(() => {
        if (macroId === null) {
          this.store.clear();
        } else {
          this.status.set('');
          void this.store.load(ticketId, macroId, current);
        }
      });
    });
  }

  protected retry(): void {
    const macroId = this.macroId();
    if (macroId !== null) {
      void this.store.load(this.ticketId(), macroId, this.ticket());
    }
  }

  protected cancel(): void {
    this.macroId.set(null);
  }

  protected async apply(): Promise<void> {
    const macroId = this.macroId();
    if (macroId === null) return;
    const ticket = await this.store.apply(this.ticketId(), macroId);
    if (ticket) {
      this.status.set('The macro was applied.');
      this.macroId.set(null);
      this.applied.emit(ticket);
    }
  }
}
