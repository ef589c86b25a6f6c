import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { RecordList } from '../dialogs/record-actions';
import { EmptyStateComponent } from './empty-state.component';
import { PageHeaderComponent } from './page-header.component';
import { type ListSearch, type ListView, RecordListComponent } from './record-list.component';
import type { UrlSearch } from './url-search';

/** The words of a page that lists one kind of record the caller creates. */
export interface RecordPageText {
  readonly heading: string;
  readonly subheading: string;
  /** "customer": the "Create customer" buttons. */
  readonly noun: string;
  /** "Customers": the list's name, "Loading customers", "No customers yet". */
  readonly plural: string;
  /** What the empty list says above its Create button. */
  readonly emptyText: string;
}

/**
 * The body of a page that lists one kind of record: its heading with a Create button (and the
 * projected `[bwPageAction]`s before it), the `bw-record-list` of `store` with an optional search
 * kept in the URL, "No … yet" with a Create button, and the projected rows. Create opens the
 * feature's form dialog (`actions.create(store)`).
 */
@Component({
  selector: 'bw-record-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, EmptyStateComponent, PageHeaderComponent, RecordListComponent],
  host: { style: 'display: contents' },
  template: `
    <header bwPageHeader [heading]="text().heading" [subheading]="text().subheading">
      <div class="bw-actions">
        <ng-content select="[bwPageAction]" />
        <button matButton="filled" type="button" (click)="create()">Create {{ text().noun }}</button>
      </div>
    </header>

    <bw-record-list
      [list]="store()"
      [label]="text().plural"
      [loadingLabel]="'Loading ' + text().plural.toLowerCase()"
      [search]="searchBox()"
      [query]="urlSearch()?.query() ?? ''"
      (queryChange)="urlSearch()?.search($event)"
    >
      <bw-empty-state bwEmpty [heading]="'No ' + text().plural.toLowerCase() + ' yet'" [text]="text().emptyText">
        <button matButton="filled" type="button" (click)="create()">Create {{ text().noun }}</button>
      </bw-empty-state>
      <ng-content />
    </bw-record-list>
  `,
})
export class RecordPageComponent<T> {
  readonly text = input.required<RecordPageText>();
  readonly store = input.required<ListView & RecordList<T>>();
  /** The feature's `…Actions`: Create opens its form dialog, and the created record goes first in `store`. */
  readonly actions = input.required<{ create(list: RecordList<T>): Promise<void> }>();
  /** The search box, with the page's `?q=` search. */
  readonly searchBox = input<ListSearch>();
  readonly urlSearch = input<UrlSearch>();

  protected create(): void {
    void this.actions().create(this.store());
  }
}
