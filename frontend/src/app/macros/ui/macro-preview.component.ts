import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { MacroPreview } from '../data-access/macro-preview';

/** What a macro would do to a ticket: the fields it changes (now → after) and the comments it adds. */
@Component({
  selector: 'bw-macro-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  host: { 'data-testid': 'macro-preview' },
  template: `
    @let p = preview();
    <h3 class="title">Preview</h3>
    @if (p.changes.length > 0) {
      <table class="changes" aria-label="Fields the macro changes">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Now</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          @for (change of p.changes; track change.field) {
            <tr [attr.data-testid]="'change-' + change.field">
              <th scope="row">{{ change.label }}</th>
              <td class="before">{{ change.before }}</td>
              <td class="after">{{ change.after }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p class="muted">No field changes: status, priority, type, topic and assignee stay as they are.</p>
    }

    @if (p.comments.length > 0) {
      <h4 class="subtitle">
        {{ p.comments.length === 1 ? 'Comment to be added' : p.comments.length + ' comments to be added' }}
      </h4>
      <ol class="comments">
        @for (comment of p.comments; track $index) {
          <li class="comment" data-testid="preview-comment">
            <div class="meta">{{ comment.author.username }} · {{ comment.createdAt | date: 'MMM d, HH:mm' }}</div>
            <p class="body">{{ comment.body }}</p>
          </li>
        }
      </ol>
    } @else {
      <p class="muted">No comments are added.</p>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    .title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .subtitle {
      margin: 12px 0 6px;
      font: var(--mat-sys-title-small);
    }
    .changes {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .changes th,
    .changes td {
      padding: 4px 8px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .changes thead th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .before {
      color: var(--mat-sys-on-surface-variant);
      text-decoration: line-through;
    }
    .after {
      font-weight: 600;
      color: var(--mat-sys-primary);
    }
    .comments {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .comment {
      padding: 8px 12px;
      border-left: 3px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
      border-radius: 0 var(--mat-sys-corner-small) var(--mat-sys-corner-small) 0;
    }
    .meta {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      margin: 2px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-medium);
    }
    .muted {
      margin: 4px 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MacroPreviewComponent {
  readonly preview = input.required<MacroPreview>();
}
