import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

/** The frame around the log-in and sign-up forms. */
@Component({
  selector: 'bw-auth-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule],
  template: `
    <mat-card appearance="outlined" class="card">
      <mat-card-header>
        <mat-card-title
          ><h1 class="title">{{ heading() }}</h1></mat-card-title
        >
        @if (subheading()) {
          <mat-card-subtitle>{{ subheading() }}</mat-card-subtitle>
        }
      </mat-card-header>
      <mat-card-content>
        <ng-content />
      </mat-card-content>
    </mat-card>
    <div class="below">
      <ng-content select="[bwAuthCardFooter]" />
    </div>
  `,
  styles: `
    :host {
      display: block;
      width: 100%;
      max-width: 440px;
      margin: 0 auto;
    }
    .card {
      padding: 12px 8px 8px;
      background: var(--mat-sys-surface);
    }
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-on-surface);
    }
    mat-card-content {
      padding-top: 20px;
    }
    .below {
      margin-top: 20px;
      text-align: center;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AuthCardComponent {
  readonly heading = input.required<string>();
  readonly subheading = input<string>();
}
