import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ListStore } from '../../core/api/list-store';
import type { Identified } from '../../core/api/paging';
import { problemMessage } from '../../core/api/problem-message';
import { AlertComponent } from './alert.component';
import { LoadMoreComponent } from './load-more.component';
import { NoMatchComponent } from './no-match.component';
import { SearchFieldComponent } from './search-field.component';

/** The search box above a list, and what it says when a search found nothing. */
export interface ListSearch {
  readonly label: string;
  readonly placeholder: string;
  /** "No customers match". */
  readonly noMatch: string;
  /** "Nobody’s name or email contains “ann”." */
  readonly noMatchText: (query: string) => string;
}

/** What the list shows of a `ListStore`, and the two things it asks of it. */
export type ListView = Pick<
  ListStore<Identified>,
  'items' | 'loading' | 'loadingMore' | 'error' | 'hasMore' | 'empty' | 'reload' | 'loadMore'
>;

/**
 * A page's list of records in a panel: the loading bar, the error with "Try again", the projected
 * empty state (`bwEmpty`) or the projected rows (`role="listitem"`) with "Load more".
 * `<bw-record-list [list]="store" label="Customers" loadingLabel="Loading customers">`.
 * With `search`, a search box above it, and "No … match" with "Clear search" when a search
 * found nothing; the page keeps `query` (e.g. in the URL) and hears `queryChange`.
 */
@Component({
  selector: 'bw-record-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, AlertComponent, LoadMoreComponent, NoMatchComponent, SearchFieldComponent],
  template: `
    @if (search(); as s) {
      <div class="toolbar">
        <bw-search-field
          class="search"
          [label]="s.label"
          [placeholder]="s.placeholder"
          [value]="query()"
          (queryChange)="queryChange.emit($event)"
        />
      </div>
    }

    <div class="bw-progress">
      @if (list().loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
      }
    </div>

    @if (errorMessage(); as message) {
      <bw-alert [message]="message" actionLabel="Try again" (action)="list().reload()" />
    }

    @if (list().empty()) {
      @if (search() && query()) {
        <bw-no-match
          [heading]="search()!.noMatch"
          [text]="search()!.noMatchText(query())"
          (clearRequested)="queryChange.emit('')"
        />
      } @else {
        <ng-content select="[bwEmpty]" />
      }
    } @else if (list().items().length > 0) {
      <div
        class="bw-panel list"
        role="list"
        [attr.aria-label]="label()"
        [attr.aria-busy]="markBusy() ? list().loading() : null"
      >
        <ng-content />
      </div>
      <bw-load-more [hasMore]="list().hasMore()" [loading]="list().loadingMore()" (more)="list().loadMore()" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .toolbar {
      margin-bottom: 12px;
    }
    .search {
      max-width: 480px;
    }
    .list {
      overflow: hidden;
    }
  `,
})
export class RecordListComponent {
  readonly list = input.required<ListView>();
  /** The list's accessible name. */
  readonly label = input.required<string>();
  /** The loading bar's accessible name. */
  readonly loadingLabel = input.required<string>();
  /** Sets `aria-busy` on the list while the first page reloads (lists that refilter in place). */
  readonly markBusy = input(false);
  readonly search = input<ListSearch>();
  /** The search the list shows (trimmed). */
  readonly query = input('');
  /** The user searched (or cleared the search: `''`). */
  readonly queryChange = output<string>();

  protected readonly errorMessage = computed(() => {
    const error = this.list().error();
    return error ? problemMessage(error) : null;
  });
}
