import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'bw-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="bw-page not-found">
      <h1>Page not found</h1>
      <p>The page you were looking for doesn't exist or has moved.</p>
      <a matButton="filled" routerLink="/">Go to the home page</a>
    </section>
  `,
  styles: `
    .not-found {
      text-align: center;
      padding-top: 96px;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 8px;
    }
    p {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 24px;
    }
  `,
})
export class NotFoundPage {}
