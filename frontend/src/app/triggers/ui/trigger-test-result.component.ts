import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TriggerTestResult } from '../data-access/trigger.model';

/** The outcome of a trigger's dry run: fires or not, why, and the message it would send. */
@Component({
  selector: 'bw-trigger-test-result',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'trigger-test-result', role: 'status' },
  template: `
    @let r = result();
    <p class="verdict" [class.fires]="r.fires" data-testid="trigger-test-verdict">
      <span class="mark" aria-hidden="true">{{ r.fires ? '✓' : '✕' }}</span>
      {{ r.fires ? 'Fires: the message would be sent.' : 'Does not fire: no message would be sent.' }}
    </p>
    @if (r.reasons.length > 0) {
      <h3 class="subtitle">Why</h3>
      <ul class="reasons">
        @for (reason of r.reasons; track $index) {
          <li>{{ reason }}</li>
        }
      </ul>
    }
    @if (r.message; as message) {
      <h3 class="subtitle">{{ r.fires ? 'The message' : 'The message it would have sent' }}</h3>
      <div class="message">
        <div class="to">To {{ message.receiver.username || 'an unknown user' }}</div>
        <p class="body" data-testid="trigger-test-message">{{ message.body }}</p>
      </div>
    }
    @if (r.delivery; as delivery) {
      <h3 class="subtitle">{{ r.fires ? 'The webhook delivery' : 'The webhook delivery it would have sent' }}</h3>
      <div class="message">
        <div class="to">POSTed to the webhook, signed</div>
        <pre class="body" data-testid="trigger-test-delivery">{{ pretty(delivery.body) }}</pre>
      </div>
    }
    <p class="note">This was a test: nothing was saved or sent.</p>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 12px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .verdict {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-error);
    }
    .verdict.fires {
      color: var(--mat-sys-primary);
    }
    .mark {
      display: inline-grid;
      place-items: center;
      width: 20px;
      height: 20px;
      border: 2px solid currentColor;
      border-radius: 50%;
      font-size: 13px;
      line-height: 1;
    }
    .subtitle {
      margin: 12px 0 4px;
      font: var(--mat-sys-label-large);
    }
    .reasons {
      margin: 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
    pre.body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-small);
    }
    .message {
      padding: 8px 12px;
      border-left: 3px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
    .to {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      margin: 4px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-medium);
    }
    .note {
      margin: 12px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TriggerTestResultComponent {
  readonly result = input.required<TriggerTestResult>();

  /** The delivery's JSON body, indented to read. */
  protected pretty(body: string): string {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
  }
}
