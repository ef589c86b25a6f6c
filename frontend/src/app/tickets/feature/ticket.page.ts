import { formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  LOCALE_ID,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { problemMessage } from '../../core/api/problem-message';
import { SessionStore } from '../../core/auth/session.store';
import { DraftStore, draftKey } from '../../core/drafts/draft-store';
import { neighbourTicket } from '../../core/navigation/ticket-order';
import { ShortcutService } from '../../core/shortcuts/shortcut.service';
import { UserDirectory } from '../../core/lookup/user-directory';
import { AlertComponent } from '../../shared/ui/alert.component';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { LoadMoreComponent } from '../../shared/ui/load-more.component';
import { historyLine } from '../data-access/ticket-history';
import { TicketHistoryStore } from '../data-access/ticket-history.store';
import { ticketPermissions } from '../data-access/ticket-permissions';
import { TicketPresenceStore } from '../data-access/ticket-presence.store';
import type { Ticket } from '../data-access/ticket.model';
import { TicketStore } from '../data-access/ticket.store';
import { CommentListComponent } from '../ui/comment-list.component';
import { TicketHistoryComponent } from '../ui/ticket-history.component';
import { TicketPresenceComponent } from '../ui/ticket-presence.component';
import { ReplyFormComponent } from '../ui/reply-form.component';
import { TicketAsideComponent } from '../ui/ticket-aside.component';
import { TicketStatusChipComponent } from '../ui/ticket-status-chip.component';
import { TicketOverdueBadgeComponent } from '../ui/ticket-overdue-badge.component';
import { TicketActions } from './ticket-actions';
import { MacroApplyComponent } from '../../macros';

/**
 * `/ticket/:id`: one ticket, its customer, what can be done to it, its conversation and its
 * history, live: others' changes show at once, and so does who else has it open.
 */
@Component({
  selector: 'bw-ticket-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    AlertComponent,
    EmptyStateComponent,
    LoadMoreComponent,
    CommentListComponent,
    ReplyFormComponent,
    TicketAsideComponent,
    TicketStatusChipComponent,
    TicketOverdueBadgeComponent,
    TicketHistoryComponent,
    TicketPresenceComponent,
    MacroApplyComponent,
  ],
  providers: [TicketStore, TicketHistoryStore, TicketPresenceStore],
  templateUrl: './ticket.page.html',
  styleUrl: './ticket.page.scss',
})
export class TicketPage {
  /** `:id`, bound by the router. */
  readonly id = input.required<string>();

  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly session = inject(SessionStore);
  private readonly actions = inject(TicketActions);
  protected readonly store = inject(TicketStore);
  protected readonly history = inject(TicketHistoryStore);
  protected readonly presence = inject(TicketPresenceStore);
  private readonly directory = inject(UserDirectory);
  private readonly locale = inject(LOCALE_ID);
  private readonly replyForm = viewChild(ReplyFormComponent);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  protected readonly meId = computed(() => this.session.user()?.id ?? null);
  /** The unsent reply is kept per user and ticket. */
  private readonly drafts = inject(DraftStore);
  /** Edits of this ticket kept when the session ended (or the page was left) before saving. */
  protected readonly editDraft = signal(false);
  protected readonly replyDraftKey = computed(() => {
    const me = this.meId();
    return me ? draftKey(me, 'reply', this.id()) : null;
  });
  protected readonly permissions = computed(() => {
    const ticket = this.store.ticket();
    return ticket ? ticketPermissions(ticket, this.meId()) : null;
  });
  protected readonly notFound = computed(() => this.store.error()?.status === 404);
  protected readonly loadError = computed(() => {
    const error = this.store.error();
    return error && error.status !== 404 ? problemMessage(error) : null;
  });
  protected readonly actionError = computed(() => {
    const error = this.store.actionError();
    return error ? problemMessage(error) : null;
  });
  protected readonly commentsError = computed(() => {
    const error = this.store.comments.error();
    return error ? problemMessage(error) : null;
  });
  protected readonly historyLines = computed(() => {
    const ticket = this.store.ticket();
    // The history names people and customers by id: the directory knows users; of customers, only the ticket's own.
    const nameOf = (field: string, id: string): string | null => {
      if (field === 'customerId') return ticket?.customerId === id ? ticket.customer.name : 'another customer';
      return field === 'assigneeId' ? (this.directory.name(id) ?? 'another user') : null;
    };
    const formatDay = (iso: string): string => formatDate(iso, 'MMM d, y, h:mm a', this.locale);
    return this.history.entries.items().map((entry) => historyLine(entry, this.meId(), nameOf, formatDay));
  });
  protected readonly historyError = computed(() => {
    const error = this.history.entries.error();
    return error ? problemMessage(error) : null;
  });
  protected readonly removedText = computed(() => {
    const removed = this.store.removed();
    if (!removed) return null;
    if (removed.reason === 'unshared') return 'It is no longer shared with you.';
    const who = removed.actor?.id === this.meId() ? 'You' : (removed.actor?.username ?? 'Someone');
    return `${who} deleted it just now.`;
  });
  protected readonly replyError = computed(() => {
    const error = this.store.replyError();
    if (!error) return null;
    return error.fieldErrors['body']?.join(' ') ?? problemMessage(error);
  });

  constructor() {
    // The keys of TICKET_PAGE_SHORTCUTS (ticket.page.shortcuts.ts), while the page is open.
    inject(ShortcutService).bind([
      { keys: 'r', run: () => this.replyForm()?.focus() },
      { keys: 'e', run: () => this.permissions()?.canEdit && this.store.acting() === null && void this.edit() },
      { keys: 'Shift+C', run: () => void this.toggleClosed() },
      { keys: 'm', run: () => this.openMacroPicker() },
      { keys: 'j', run: () => this.goToNeighbour(1) },
      { keys: 'k', run: () => this.goToNeighbour(-1) },
    ]);
    effect(() => {
      const id = this.id();
      const me = this.meId();
      untracked(() => this.editDraft.set(me !== null && this.drafts.has(draftKey(me, 'edit-ticket', id))));
    });
    effect(() => {
      const id = this.id();
      untracked(() => {
        void this.store.load(id);
        void this.history.load(id);
        this.presence.enter(id);
      });
    });
    // A ticket that is gone has nobody on it.
    effect(() => {
      if (this.store.removed()) untracked(() => this.presence.leave());
    });
    // Assignees named by id in the history.
    effect(() => {
      const ids = this.history.entries
        .items()
        .flatMap((entry) => entry.changes.filter((c) => c.field === 'assigneeId').flatMap((c) => [c.from, c.to]))
        .filter((id): id is string => typeof id === 'string');
      if (ids.length > 0) untracked(() => void this.directory.ensure(ids));
    });
    effect(() => {
      const ticket = this.store.ticket();
      if (ticket) {
        this.title.setTitle(`#${ticket.number} ${ticket.title} · Balanced Workspace`);
      } else if (this.notFound()) {
        this.title.setTitle('Ticket not found · Balanced Workspace');
      }
    });
  }

  protected async edit(): Promise<void> {
    const ticket = this.store.ticket();
    if (!ticket) return;
    this.presence.editing(true);
    const updated = await this.actions.edit(ticket);
    this.presence.editing(false);
    const me = this.meId();
    this.editDraft.set(me !== null && this.drafts.has(draftKey(me, 'edit-ticket', ticket.id)));
    if (updated) {
      this.store.setTicket(updated);
    }
  }

  protected async markComplete(): Promise<void> {
    if (await this.store.close()) {
      this.actions.toast('Ticket marked complete');
    }
  }

  protected async reopen(): Promise<void> {
    if (await this.store.reopen()) {
      this.actions.toast('Ticket reopened');
    }
  }

  /** `Shift+C`: what the Mark complete / Reopen button does, when it is there. */
  private async toggleClosed(): Promise<void> {
    const p = this.permissions();
    if (!p || this.store.acting() !== null) return;
    if (p.canClose) await this.markComplete();
    else if (p.canReopen) await this.reopen();
  }

  /** `m`: into the macro picker, which opens its list. */
  private openMacroPicker(): void {
    const picker = this.host.querySelector<HTMLInputElement>('[data-testid="macro-apply"] input');
    picker?.focus();
    picker?.click();
  }

  /** `j`/`k`: the next/previous ticket of the list the user came from. */
  private goToNeighbour(step: 1 | -1): void {
    const id = neighbourTicket(this.id(), step);
    if (id) void this.router.navigate(['/ticket', id]);
  }

  protected async delete(): Promise<void> {
    const ticket = this.store.ticket();
    if (!ticket || !(await this.actions.confirmDelete(ticket))) {
      return;
    }
    if (await this.store.delete()) {
      this.actions.toast('Ticket deleted');
      await this.router.navigate(['/tickets'], { queryParams: { box: 'outgoing' } });
    }
  }

  protected async reply(body: string): Promise<void> {
    if (await this.store.reply(body)) {
      this.replyForm()?.clear();
    }
  }

  protected macroApplied(ticket: Ticket): void {
    this.store.setTicket(ticket);
    void this.store.comments.reload(); // the macro may have added comments
    this.actions.toast('Macro applied');
  }
}
