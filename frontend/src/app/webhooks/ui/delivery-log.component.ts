import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { WebhookDelivery } from '../data-access/webhooks.store';

const STATUS_LABELS: Record<WebhookDelivery['status'], string> = {
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

/** A webhook's deliveries as a table: status, attempts, last response, next attempt, and Redeliver. */
@Component({
  selector: 'bw-delivery-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule],
  template: `
    <div class="head">
      <h3 [id]="headingId()">Deliveries to {{ name() }}</h3>
      <button matButton type="button" (click)="refresh.emit()" [disabled]="loading()">Refresh</button>
    </div>
    @if (deliveries().length === 0 && !loading()) {
      <p class="none">No deliveries yet. Send a test, or let a trigger fire.</p>
    } @else {
      <div class="scroll">
        <table [attr.aria-labelledby]="headingId()">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last response</th>
              <th scope="col">Next attempt</th>
              <th scope="col">Created</th>
              <th scope="col"><span class="cdk-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (d of deliveries(); track d.id) {
              <tr data-testid="delivery-row">
                <td>{{ d.event }}</td>
                <td>
                  <span class="status" [attr.data-status]="d.status">{{ statusLabel(d.status) }}</span>
                </td>
                <td>{{ d.attempts }}</td>
                <td class="response">
                  @if (d.lastResponseStatus !== null) {
                    HTTP {{ d.lastResponseStatus }}
                  }
                  @if (d.lastError) {
                    <span class="error">{{ d.lastError }}</span>
                  }
                  @if (d.lastResponseStatus === null && !d.lastError) {
                    —
                  }
                </td>
                <td>
                  @if (d.nextAttemptAt) {
                    <time [attr.datetime]="d.nextAttemptAt">{{ d.nextAttemptAt | date: 'medium' }}</time>
                  } @else {
                    —
                  }
                </td>
                <td>
                  <time [attr.datetime]="d.createdAt">{{ d.createdAt | date: 'medium' }}</time>
                </td>
                <td>
                  <button
                    matButton="outlined"
                    type="button"
                    (click)="redeliver.emit(d)"
                    [attr.aria-label]="'Redeliver the ' + d.event + ' delivery of ' + (d.createdAt | date: 'medium')"
                  >
                    Redeliver
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    @if (hasMore()) {
      <button matButton type="button" (click)="more.emit()" [disabled]="loading()">Show older deliveries</button>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 8px;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      text-align: start;
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .status[data-status='succeeded'] {
      color: var(--mat-sys-primary);
    }
    .status[data-status='failed'] {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .response .error {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
      max-width: 28ch;
    }
  `,
})
export class DeliveryLogComponent {
  readonly name = input.required<string>();
  readonly headingId = input.required<string>();
  readonly deliveries = input.required<readonly WebhookDelivery[]>();
  readonly loading = input(false);
  readonly hasMore = input(false);
  readonly redeliver = output<WebhookDelivery>();
  readonly refresh = output<void>();
  readonly more = output<void>();

  protected statusLabel(status: WebhookDelivery['status']): string {
    return STATUS_LABELS[status];
  }
}
