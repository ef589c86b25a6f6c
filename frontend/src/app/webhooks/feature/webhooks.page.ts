import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { problemMessage } from '../../core/api/problem-message';
import { applyServerErrors } from '../../core/forms/field-errors';
import { AlertComponent } from '../../shared/ui/alert.component';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { SecretOnceComponent } from '../../shared/ui/secret-once.component';
import {
  type CreatedWebhook,
  DeliveryLog,
  type Webhook,
  type WebhookDelivery,
  WebhooksStore,
} from '../data-access/webhooks.store';
import { DeliveryLogComponent } from '../ui/delivery-log.component';
import { WebhookEditComponent } from '../ui/webhook-edit.component';

/**
 * `/webhooks`: the user's signed endpoints. A new webhook's signing secret is shown once, with a
 * copy button; each webhook can be edited, (de)activated, deleted, sent a test, and shows its
 * delivery log with Redeliver.
 */
@Component({
  selector: 'bw-webhooks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    AlertComponent,
    EmptyStateComponent,
    SecretOnceComponent,
    DeliveryLogComponent,
    WebhookEditComponent,
  ],
  providers: [WebhooksStore],
  templateUrl: './webhooks.page.html',
  styleUrl: './webhooks.page.scss',
})
export class WebhooksPage implements OnInit {
  protected readonly store = inject(WebhooksStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    url: ['', [Validators.required, Validators.maxLength(2000)]],
  });
  protected readonly creating = signal(false);
  protected readonly created = signal<CreatedWebhook | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly logs = signal<ReadonlyMap<string, DeliveryLog>>(new Map());
  protected readonly message = problemMessage;

  /** Fields are checked when the form is sent, not when the keyboard passes over them. */
  protected readonly afterSubmit: ErrorStateMatcher = {
    isErrorState: (control, form) => !!control?.invalid && !!form?.submitted,
  };

  ngOnInit(): void {
    void this.store.load();
  }

  protected async create(formDirective: FormGroupDirective): Promise<void> {
    const { name, url } = this.form.getRawValue();
    this.form.setValue({ name: name.trim(), url: url.trim() });
    if (this.form.invalid) return;
    this.creating.set(true);
    const result = await this.store.create({ ...this.form.getRawValue(), active: true });
    this.creating.set(false);
    if (!result.ok) {
      if (!applyServerErrors(this.form, result.problem.fieldErrors))
        this.snackBar.open(problemMessage(result.problem), 'Dismiss');
      return;
    }
    this.created.set(result.value);
    formDirective.resetForm();
  }

  protected async save(webhook: Webhook, changes: { name: string; url: string }, edit: WebhookEditComponent) {
    const result = await this.store.update(webhook, changes);
    if (result.ok) {
      this.editing.set(null);
      this.snackBar.open(`Saved “${result.value.name}”`, undefined, { duration: 3000 });
    } else if (!edit.showServerErrors(result.problem.fieldErrors)) {
      this.snackBar.open(problemMessage(result.problem), 'Dismiss');
    }
  }

  protected async toggleActive(webhook: Webhook): Promise<void> {
    const result = await this.store.update(webhook, { active: !webhook.active });
    if (result.ok)
      this.snackBar.open(`“${webhook.name}” is ${result.value.active ? 'active' : 'inactive'}`, undefined, {
        duration: 3000,
      });
    else this.snackBar.open(problemMessage(result.problem), 'Dismiss');
  }

  protected async sendTest(webhook: Webhook): Promise<void> {
    const result = await this.store.sendTest(webhook.id);
    if (!result.ok) {
      this.snackBar.open(problemMessage(result.problem), 'Dismiss');
      return;
    }
    this.snackBar.open(`Test delivery queued for “${webhook.name}”`, undefined, { duration: 4000 });
    const log = this.logs().get(webhook.id);
    if (log) await log.load();
    else await this.toggleLog(webhook);
  }

  protected async toggleLog(webhook: Webhook): Promise<void> {
    const logs = new Map(this.logs());
    if (logs.has(webhook.id)) {
      logs.delete(webhook.id);
      this.logs.set(logs);
      return;
    }
    const log = new DeliveryLog(webhook.id);
    logs.set(webhook.id, log);
    this.logs.set(logs);
    await log.load();
  }

  protected async redeliver(log: DeliveryLog, delivery: WebhookDelivery): Promise<void> {
    const result = await log.redeliver(delivery.id);
    if (result.ok) this.snackBar.open('Redelivery queued', undefined, { duration: 3000 });
    else this.snackBar.open(problemMessage(result.problem), 'Dismiss');
  }

  protected async remove(webhook: Webhook): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Delete “${webhook.name}”?`,
      message:
        'Its delivery log goes with it, and triggers that send to it stop sending anything. This cannot be undone.',
      confirmLabel: 'Delete webhook',
      destructive: true,
    });
    if (!confirmed) return;
    const result = await this.store.remove(webhook.id);
    if (result.ok) this.snackBar.open(`Deleted “${webhook.name}”`, undefined, { duration: 4000 });
    else this.snackBar.open(problemMessage(result.problem), 'Dismiss');
  }
}
