import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ListSearch } from '../../shared/ui/record-list.component';
import { RecordPageComponent, type RecordPageText } from '../../shared/ui/record-page.component';
import { urlSearch } from '../../shared/ui/url-search';
import { MacrosListStore } from '../data-access/macros-list.store';
import { UserDirectory } from '../../core/lookup/user-directory';
import { MacroListItemComponent } from '../ui/macro-list-item.component';
import { MacroActions } from './macro-actions';

/** `/macros`: your macros and the ones shared with everyone, newest first, with search. */
@Component({
  selector: 'bw-macros-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, RecordPageComponent, MacroListItemComponent],
  providers: [MacrosListStore],
  template: `
    <section class="bw-page">
      <bw-record-page [text]="text" [store]="store" [actions]="actions" [searchBox]="searchBox" [urlSearch]="urlSearch">
        <a bwPageAction matButton="outlined" routerLink="/macros/apply">Apply to a ticket</a>
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
      </bw-record-page>
    </section>
  `,
})
export class MacrosPage {
  /** `?q=`, bound by the router. */
  readonly q = input<string>();

  protected readonly actions = inject(MacroActions);
  protected readonly store = inject(MacrosListStore);
  protected readonly directory = inject(UserDirectory);

  protected readonly text: RecordPageText = {
    heading: 'Macros',
    subheading:
      'Canned responses: a few ticket changes and a reply, applied in one click. Yours and the ones shared with everyone.',
    noun: 'macro',
    plural: 'Macros',
    emptyText: 'Save the replies and changes you make again and again — then apply them to a ticket in one click.',
  };
  protected readonly searchBox: ListSearch = {
    label: 'Search macros',
    placeholder: 'Name or description',
    noMatch: 'No macros match',
    noMatchText: (q) => `No macro’s name or description contains “${q}”.`,
  };
  protected readonly urlSearch = urlSearch(() => this.q());

  constructor() {
    effect(() => {
      const q = this.urlSearch.query();
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
}
