import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { describeConditions, describeRecipient, eventLabel, type Trigger } from '../data-access/trigger.model';

let nextId = 0;

/** One trigger: when, for which tickets, to whom, what; an on/off switch, Test, Edit and Delete. */
@Component({
  selector: 'bw-trigger-list-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatSlideToggleModule],
  host: {
    role: 'listitem',
    'data-testid': 'trigger-row',
    '[attr.aria-labelledby]': 'nameId',
    '[class.inactive]': '!trigger().active',
  },
  template: `
    @let t = trigger();
    <div class="main">
      <div class="heading">
        <h2 class="name" dir="auto" [id]="nameId">{{ t.name }}</h2>
        <span class="chip">{{ event() }}</span>
      </div>
      <dl class="facts">
        <div>
          <dt>For</dt>
          <dd>{{ conditions() }}</dd>
        </div>
        <div>
          <dt>To</dt>
          <dd>{{ recipient() }}</dd>
        </div>
      </dl>
      <p class="message" dir="auto">{{ t.message }}</p>
    </div>
    <div class="side">
      <mat-slide-toggle
        [checked]="t.active"
        [disabled]="busy()"
        [attr.data-testid]="'trigger-active'"
        [aria-label]="(t.active ? 'Deactivate ' : 'Activate ') + t.name"
        (change)="switched($event)"
        >{{ t.active ? 'Active' : 'Off' }}</mat-slide-toggle
      >
      <div class="actions">
        <button matButton type="button" [disabled]="busy()" (click)="test.emit(t)">Test</button>
        <button matButton type="button" [disabled]="busy()" (click)="edit.emit(t)">Edit</button>
        <button matButton type="button" class="bw-danger" [disabled]="busy()" (click)="delete.emit(t)">Delete</button>
      </div>
    </div>
  `,
  styles: `
    @use 'list-row' as row;
    @use 'badges';

    @include row.host(minmax(0, 1fr) auto);
    // An inactive trigger is set apart by a tint and its "Off" switch, never by fading its text.
    :host(.inactive) {
      background: var(--mat-sys-surface-container-low);
    }
    @include row.heading;
    .chip {
      @include badges.chip(var(--mat-sys-secondary-container), var(--mat-sys-on-secondary-container));
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 20px;
      margin: 6px 0 0;
      font: var(--mat-sys-body-small);
    }
    .facts div {
      display: flex;
      gap: 6px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .message {
      margin: 6px 0 0;
      padding: 6px 10px;
      border-left: 3px solid var(--mat-sys-outline-variant);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .side {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 8px;
    }
    .actions {
      @include row.actions;
    }
    @media (max-width: 760px) {
      :host {
        grid-template-columns: 1fr;
      }
      .side {
        align-items: flex-start;
      }
    }
  `,
})
export class TriggerListItemComponent {
  readonly trigger = input.required<Trigger>();
  readonly userName = input<(id: string) => string | null>(() => null);
  readonly busy = input(false);

  readonly toggleActive = output<{ trigger: Trigger; active: boolean }>();
  readonly test = output<Trigger>();
  readonly edit = output<Trigger>();
  readonly delete = output<Trigger>();

  protected readonly nameId = `bw-trigger-name-${nextId++}`;
  protected readonly event = computed(() => eventLabel(this.trigger().event));
  protected readonly conditions = computed(() => describeConditions(this.trigger()));
  protected readonly recipient = computed(() => describeRecipient(this.trigger().recipient, this.userName()));

  /** The switch shows the saved state: it flips once the host has saved the change. */
  protected switched(event: MatSlideToggleChange): void {
    event.source.checked = this.trigger().active;
    this.toggleActive.emit({ trigger: this.trigger(), active: event.checked });
  }
}
