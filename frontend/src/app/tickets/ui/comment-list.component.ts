import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RelativeTimeComponent } from '../../shared/ui/relative-time.component';
import type { TicketComment } from '../data-access/ticket.model';

/** The conversation on a ticket, oldest first. */
@Component({
  selector: 'bw-comment-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RelativeTimeComponent],
  template: `
    <ol class="comments">
      @for (comment of comments(); track comment.id) {
        <li class="comment" data-testid="comment">
          <span class="avatar" aria-hidden="true">{{ comment.author.username.charAt(0).toUpperCase() }}</span>
          <div class="bubble" [class.mine]="comment.author.id === meId()">
            <div class="head">
              <span class="author">{{ comment.author.id === meId() ? 'You' : comment.author.username }}</span>
              <bw-relative-time [at]="comment.createdAt" />
            </div>
            <p class="body" dir="auto">{{ comment.body }}</p>
          </div>
        </li>
      }
    </ol>
  `,
  styles: `
    .comments {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .comment {
      display: flex;
      gap: 12px;
      align-items: flex-start;
    }
    .avatar {
      flex: none;
      display: inline-grid;
      place-items: center;
      width: 32px;
      height: 32px;
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-title-small);
    }
    .bubble {
      flex: 1;
      min-width: 0;
      padding: 10px 14px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .bubble.mine {
      background: color-mix(in srgb, var(--mat-sys-primary-container) 60%, var(--mat-sys-surface));
    }
    .head {
      display: flex;
      gap: 12px;
      align-items: baseline;
      margin-bottom: 4px;
    }
    .author {
      font: var(--mat-sys-title-small);
    }
    bw-relative-time {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class CommentListComponent {
  readonly comments = input.required<readonly TicketComment[]>();
  readonly meId = input<string | null>(null);
}
