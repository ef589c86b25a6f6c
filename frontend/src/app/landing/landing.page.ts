import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { SessionStore } from '../core/auth/session.store';
import { DEFAULT_AFTER_LOGIN_URL } from '../core/navigation/return-url';
import { toAuthFormProblem } from '../identity';

interface Feature {
  readonly title: string;
  readonly text: string;
}

/** `/`: what the product is, and the ways in. */
@Component({
  selector: 'bw-landing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  templateUrl: './landing.page.html',
  styleUrl: './landing.page.scss',
})
export class LandingPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly username = computed(() => this.session.user()?.username ?? null);
  protected readonly pending = signal(false);
  protected readonly demoError = signal<string | null>(null);
  protected readonly ticketsUrl = DEFAULT_AFTER_LOGIN_URL;

  protected readonly features: readonly Feature[] = [
    {
      title: 'Tickets',
      text: 'Every request becomes a ticket with a type, priority and topic. See what you sent and what landed on your desk, and mark work complete.',
    },
    {
      title: 'Customers',
      text: 'Keep the people you help in one place, with their contact details, notes and the full history of their tickets.',
    },
    {
      title: 'Macros',
      text: 'Answer frequent requests — like new office supplies — with canned responses that update a ticket in one click.',
    },
    {
      title: 'Message triggers',
      text: 'When a ticket closes or a customer is removed, the right colleagues get a message automatically.',
    },
  ];

  protected async demo(): Promise<void> {
    this.pending.set(true);
    this.demoError.set(null);
    const outcome = await this.session.demoLogin();
    this.pending.set(false);
    if (outcome.ok) {
      await this.router.navigateByUrl(DEFAULT_AFTER_LOGIN_URL);
      return;
    }
    this.demoError.set(toAuthFormProblem(outcome.problem, [], 'demo').message);
  }
}
