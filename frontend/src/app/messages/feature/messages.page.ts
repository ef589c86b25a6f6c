import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { problemMessage } from '../../core/api/problem-message';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { RecordListComponent } from '../../shared/ui/record-list.component';
import { type Message, type MessageBox, MessagesListStore } from '../data-access/messages-list.store';
import { UnreadMessagesStore } from '../data-access/unread-messages.store';
import { MessageListItemComponent } from '../ui/message-list-item.component';

/** `/messages?box=inbox|sent`: the messages triggers sent you, and the ones your triggers sent. */
@Component({
  selector: 'bw-messages-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatTabsModule,
    EmptyStateComponent,
    PageHeaderComponent,
    RecordListComponent,
    MessageListItemComponent,
  ],
  providers: [MessagesListStore],
  template: `
    <section class="bw-page">
      <header
        bwPageHeader
        heading="Messages"
        subheading="Sent by triggers when tickets are closed or created, or customers deleted. Newest first."
      >
        <div class="bw-actions">
          <a matButton="outlined" routerLink="/triggers">Manage triggers</a>
          <button matButton="outlined" type="button" [disabled]="store.loading()" (click)="refresh()">Refresh</button>
        </div>
      </header>

      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Message boxes">
        <a
          mat-tab-link
          routerLink="/messages"
          [queryParams]="{ box: 'inbox' }"
          [active]="currentBox() === 'inbox'"
          data-testid="tab-inbox"
        >
          Inbox
          @if (unread.count() > 0) {
            <span class="count" [attr.aria-label]="unread.count() + ' unread'">{{ unread.count() }}</span>
          }
        </a>
        <a
          mat-tab-link
          routerLink="/messages"
          [queryParams]="{ box: 'sent' }"
          [active]="currentBox() === 'sent'"
          data-testid="tab-sent"
          >Sent</a
        >
      </nav>

      <mat-tab-nav-panel #panel class="panel">
        <bw-record-list
          [list]="store"
          [label]="currentBox() === 'inbox' ? 'Inbox' : 'Sent messages'"
          loadingLabel="Loading messages"
        >
          <ng-container ngProjectAs="[bwEmpty]">
            @if (currentBox() === 'inbox') {
              <bw-empty-state
                heading="No messages yet"
                text="When someone’s trigger sends you a message — say, a ticket you created was closed — it shows up here."
              />
            } @else {
              <bw-empty-state
                heading="Nothing sent yet"
                text="Your triggers send messages when their event happens. Create one to keep people in the loop."
              >
                <a matButton="filled" routerLink="/triggers">Go to triggers</a>
              </bw-empty-state>
            }
          </ng-container>
          @for (message of store.items(); track message.id) {
            <bw-message-list-item
              [message]="message"
              [box]="currentBox()"
              [busy]="store.busyIds().has(message.id)"
              (markRead)="markRead($event)"
            />
          }
        </bw-record-list>
      </mat-tab-nav-panel>
    </section>
  `,
  styles: `
    @use 'badges';

    .panel {
      display: block;
      padding-top: 16px;
    }
    .count {
      @include badges.count(20px, 6px, 8px, var(--mat-sys-primary), var(--mat-sys-on-primary));
    }
  `,
})
export class MessagesPage {
  /** `?box=`, bound by the router; the inbox when absent or unknown. */
  readonly box = input<string>();

  private readonly snackBar = inject(MatSnackBar);
  protected readonly store = inject(MessagesListStore);
  protected readonly unread = inject(UnreadMessagesStore);

  protected readonly currentBox = computed<MessageBox>(() => (this.box() === 'sent' ? 'sent' : 'inbox'));

  constructor() {
    effect(() => {
      const box = this.currentBox();
      // The badge follows what the inbox shows.
      untracked(() => void this.store.load(box).then(() => this.unread.refresh()));
    });
  }

  protected refresh(): void {
    void this.store.reload();
    void this.unread.refresh();
  }

  protected async markRead(message: Message): Promise<void> {
    const problem = await this.store.markRead(message);
    if (problem) {
      this.snackBar.open(`Couldn't mark the message read: ${problemMessage(problem)}`, 'Dismiss', { duration: 8000 });
    }
  }
}
