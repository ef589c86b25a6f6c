import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { type ListSearch, RecordListComponent } from '../../shared/ui/record-list.component';
import { MacrosListStore } from '../data-access/macros-list.store';
import { UserDirectory } from '../../core/lookup/user-directory';
import { MacroListItemComponent } from '../ui/macro-list-item.component';
import { MacroActions } from './macro-actions';

/** `/macros`: your macros and the ones shared with everyone, newest first, with search. */
@Component({
  selector: 'bw-macros-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    EmptyStateComponent,
    PageHeaderComponent,
    RecordListComponent,
    MacroListItemComponent,
  ],
  providers: [MacrosListStore],
  template: `
    <section class="bw-page">
      <header
        bwPageHeader
        heading="Macros"
        subheading="Canned responses: a few ticket changes and a reply, applied in one click. Yours and the ones shared with everyone."
      >
        <div class="bw-actions">
          <a matButton="outlined" routerLink="/macros/apply">Apply to a ticket</a>
          <button matButton="filled" type="button" (click)="actions.create(store)">Create macro</button>
        </div>
      </header>

      <bw-record-list
        [list]="store"
        label="Macros"
        loadingLabel="Loading macros"
        [search]="searchBox"
        [query]="query()"
        (queryChange)="search($event)"
      >
        <bw-empty-state
          bwEmpty
          heading="No macros yet"
          text="Save the replies and changes you make again and again — then apply them to a ticket in one click."
        >
          <button matButton="filled" type="button" (click)="actions.create(store)">Create macro</button>
        </bw-empty-state>
        @for (macro of store.items(); track macro.id) {
          <bw-macro-list-item
            [macro]="macro"
            [meId]="directory.meId()"
            [userName]="directory.nameOf"
            [busy]="store.busyIds().has(macro.id)"
            (edit)="actions.editIn(store, $event)"
            (delete)="actions.deleteFrom(store, $event)"
          />
        }
      </bw-record-list>
    </section>
  `,
})
export class MacrosPage {
  /** `?q=`, bound by the router. */
  readonly q = input<string>();

  private readonly router = inject(Router);
  protected readonly actions = inject(MacroActions);
  protected readonly store = inject(MacrosListStore);
  protected readonly directory = inject(UserDirectory);

  protected readonly searchBox: ListSearch = {
    label: 'Search macros',
    placeholder: 'Name or description',
    noMatch: 'No macros match',
    noMatchText: (q) => `No macro’s name or description contains “${q}”.`,
  };
  protected readonly query = computed(() => (this.q() ?? '').trim());

  constructor() {
    effect(() => {
      const q = this.query();
      untracked(() => void this.store.load(q));
    });
    // Name the users that macros assign to, and the owners of shared macros.
    effect(() => {
      const ids = this.store
        .items()
        .flatMap((m) => [m.ownerId, ...m.actions.filter((a) => a.type === 'set_assignee').map((a) => a.value)]);
      untracked(() => void this.directory.ensure([...new Set(ids)]));
    });
  }

  protected search(q: string): void {
    void this.router.navigate([], { queryParams: { q: q || null }, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
