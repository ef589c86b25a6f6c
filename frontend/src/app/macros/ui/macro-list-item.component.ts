import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { availabilityLabel, describeAction, type Macro } from '../data-access/macro.model';

let nextId = 0;

/** One macro in the list: name, what it does, who may use it; Edit and Delete for its owner. */
@Component({
  selector: 'bw-macro-list-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule],
  host: { role: 'listitem', 'data-testid': 'macro-row', '[attr.aria-labelledby]': 'nameId' },
  template: `
    @let m = macro();
    <div class="main">
      <div class="heading">
        <h2 class="name" dir="auto" [id]="nameId">{{ m.name }}</h2>
        <span class="chip" [class.shared]="m.availableFor === 'everyone'" data-testid="macro-availability">{{
          availability()
        }}</span>
        @if (!mine()) {
          <span class="owner">Shared by {{ ownerName() ?? 'another user' }}</span>
        }
      </div>
      @if (m.description) {
        <p class="description">{{ m.description }}</p>
      }
      <ol class="steps" aria-label="Actions">
        @for (line of steps(); track $index) {
          <li>{{ line }}</li>
        }
      </ol>
    </div>
    <time class="date" [attr.datetime]="m.updatedAt" title="Changed {{ m.updatedAt | date: 'medium' }}">{{
      m.updatedAt | date: 'MMM d, y'
    }}</time>
    <div class="actions">
      @if (mine()) {
        <button matButton type="button" [disabled]="busy()" (click)="edit.emit(m)">Edit</button>
        <button matButton type="button" class="bw-danger" [disabled]="busy()" (click)="delete.emit(m)">Delete</button>
      }
    </div>
  `,
  styles: `
    @use 'list-row' as row;
    @use 'badges';

    @include row.host(minmax(0, 1fr) 110px 150px);
    @include row.heading;
    .chip {
      @include badges.chip(var(--mat-sys-surface-container-high), var(--mat-sys-on-surface-variant));
    }
    .chip.shared {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .owner {
      @include row.muted;
    }
    .description {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .steps {
      margin: 6px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-small);
    }
    .date {
      padding-top: 4px;
      @include row.muted;
    }
    .actions {
      @include row.actions(flex-end);
    }
    @media (max-width: 760px) {
      :host {
        grid-template-columns: 1fr;
      }
      .actions {
        justify-content: flex-start;
      }
    }
  `,
})
export class MacroListItemComponent {
  readonly macro = input.required<Macro>();
  /** The signed-in user's id: only the owner may edit or delete. */
  readonly meId = input<string | null>(null);
  /** Usernames by id, for "Assign to" steps and the owner. */
  readonly userName = input<(id: string) => string | null>(() => null);
  readonly busy = input(false);

  readonly edit = output<Macro>();
  readonly delete = output<Macro>();

  protected readonly nameId = `bw-macro-name-${nextId++}`;
  protected readonly mine = computed(() => this.macro().ownerId === this.meId());
  protected readonly availability = computed(() => availabilityLabel(this.macro().availableFor));
  protected readonly ownerName = computed(() => this.userName()(this.macro().ownerId));
  protected readonly steps = computed(() => {
    const name = this.userName();
    return this.macro().actions.map((action) => describeAction(action, name));
  });
}
