import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { problemMessage } from '../../core/api/problem-message';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import {
  countText,
  hasQueryParams,
  queryFromParams,
  sameQuery,
  type SavedView,
  viewLabel,
  viewParams,
} from '../data-access/saved-views';
import { SavedViewsStore } from '../data-access/saved-views.store';
import { askViewName } from './saved-view-name.dialog';

type Params = Readonly<Record<string, string>>;

/**
 * The saved views beside /tickets' list: each with its live count; a click applies one
 * (`?view=<id>` with its filters spelled out in the URL), "Save view" keeps the URL's filters and
 * sort under a name, and the applied view can be renamed or deleted. Change a filter and the view
 * is no longer applied (the URL says what is listed). A column on wide screens, a scrolling row
 * of chips on a phone.
 */
@Component({
  selector: 'bw-saved-views',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule],
  providers: [SavedViewsStore],
  template: `
    <nav class="views" aria-label="Saved views">
      <h2 class="heading" id="saved-views-heading">Saved views</h2>
      @if (store.views().length) {
        <ul class="list" aria-labelledby="saved-views-heading">
          @for (view of store.views(); track view.id) {
            <li>
              <a
                class="view"
                data-testid="saved-view"
                [class.active]="view.id === applied()?.id"
                [routerLink]="[]"
                [queryParams]="paramsOf(view)"
                [attr.aria-current]="view.id === applied()?.id ? 'true' : null"
                [attr.aria-label]="labelOf(view)"
              >
                <span class="name">{{ view.name }}</span>&ngsp;<span class="count">{{ countOf(view) }}</span>
              </a>
            </li>
          }
        </ul>
      } @else if (store.loaded()) {
        <p class="hint">Filter the list, then save it here.</p>
      }
      <div class="actions">
        <button matButton="tonal" type="button" (click)="save()">Save view</button>
        @if (applied(); as view) {
          <button matButton type="button" [attr.aria-label]="'Rename ' + view.name" (click)="rename(view)">
            Rename
          </button>
          <button matButton type="button" [attr.aria-label]="'Delete ' + view.name" (click)="remove(view)">
            Delete
          </button>
        }
      </div>
    </nav>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .list {
      display: flex;
      gap: 8px;
      margin: 0;
      padding: 2px 2px 6px;
      list-style: none;
      overflow-x: auto;
      scrollbar-width: thin;
    }
    .view {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      min-height: 40px;
      padding: 0 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      text-decoration: none;
      white-space: nowrap;
    }
    .view:hover {
      background: color-mix(in srgb, var(--mat-sys-on-surface) 8%, transparent);
    }
    .view:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .view.active {
      background: var(--mat-sys-secondary-container);
      border-color: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      color: inherit;
      font-variant-numeric: tabular-nums;
    }
    .hint {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin-top: 4px;
    }
    @media (min-width: 960px) {
      .list {
        flex-direction: column;
        overflow: visible;
      }
      .view {
        white-space: normal;
      }
    }
  `,
})
export class SavedViewsComponent {
  protected readonly store = inject(SavedViewsStore);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly params = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(
      map((p) => Object.fromEntries(p.keys.map((k) => [k, p.get(k) ?? ''])) as Params),
    ),
    { initialValue: {} as Params },
  );

  /** The view named by `?view=`, when the views are loaded and it is one of them. */
  protected readonly applied = computed(() => {
    const id = this.params()['view'];
    return id ? (this.store.views().find((v) => v.id === id) ?? null) : null;
  });

  constructor() {
    void this.store.load();
    // Every navigation may follow a change the stream does not report (a search): refresh the counts.
    effect(() => {
      this.params();
      untracked(() => this.store.countsChanged());
    });
    // `?view=` alone spells the view out; an unknown view, or filters changed since, leave it.
    effect(() => {
      const params = this.params();
      const id = params['view'];
      if (!id || !this.store.loaded()) return;
      const view = this.applied();
      untracked(() => {
        if (view && !hasQueryParams(params)) this.navigate(viewParams(view));
        else if (!view || !sameQuery(view, queryFromParams(params))) this.navigate({ view: null });
      });
    });
  }

  protected paramsOf(view: SavedView): Record<string, string | null> {
    return viewParams(view);
  }

  protected countOf(view: SavedView): string {
    return countText(this.store.counts().get(view.id));
  }

  /** "Urgent open, 12 tickets": the visible name and count, with the word a screen reader needs. */
  protected labelOf(view: SavedView): string {
    return viewLabel(view, this.store.counts().get(view.id));
  }

  protected async save(): Promise<void> {
    const name = await askViewName(this.dialog, { title: 'Save view', confirmLabel: 'Save', name: '' });
    if (name === undefined) return;
    const result = await this.store.create(name, queryFromParams(this.params()));
    if (!result.ok) return this.failed("Couldn't save the view", result.problem);
    this.navigate(viewParams(result.data));
    this.toast(`View "${result.data.name}" saved`);
  }

  protected async rename(view: SavedView): Promise<void> {
    const name = await askViewName(this.dialog, { title: 'Rename view', confirmLabel: 'Rename', name: view.name });
    if (name === undefined || name === view.name) return;
    const result = await this.store.rename(view, name);
    if (!result.ok) return this.failed("Couldn't rename the view", result.problem);
    this.toast(`View renamed to "${result.data.name}"`);
  }

  protected async remove(view: SavedView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Delete "${view.name}"?`,
      message: 'The saved view goes; the tickets it lists stay as they are.',
      confirmLabel: 'Delete view',
      destructive: true,
    });
    if (!confirmed) return;
    const problem = await this.store.remove(view);
    if (problem) return this.failed("Couldn't delete the view", problem);
    this.navigate({ view: null });
    this.toast(`View "${view.name}" deleted`);
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }

  private toast(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  private failed(what: string, problem: Parameters<typeof problemMessage>[0]): void {
    this.snackBar.open(`${what}: ${problemMessage(problem)}`, 'Dismiss', { duration: 8000 });
  }
}
