import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { controlMessage } from '../../core/forms/control-message';
import { applyServerErrors } from '../../core/forms/field-errors';
import type { FormProblem } from '../../core/forms/form-problem';
import { pickedOptionValidator } from '../../core/forms/validators';
import { placeholderToken, unknownPlaceholders } from '@bw/shared';
import { insertPlaceholderInto } from '../../shared/placeholders/insert-placeholder';
import { PlaceholderHelpComponent } from '../../shared/placeholders/placeholder-help.component';
import { UserPickerComponent } from '../../shared/pickers/user-picker.component';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { UserPickingForm } from '../../shared/dialogs/user-picking-form';
import { FormProblemComponent } from '../../shared/dialogs/form-problem.component';
import { priorityLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import { listOwnWebhooks, type WebhookOption } from '../../webhooks';
import {
  TICKET_PRIORITIES,
  TICKET_TOPICS,
  TICKET_TYPES,
  type TicketPriority,
  type TicketTopic,
  type TicketType,
} from '../../shared/ticket-fields/ticket-fields';
import {
  eventHint,
  eventLabel,
  isTicketEvent,
  placeholdersFor,
  type RecipientKind,
  recipientKindLabel,
  recipientKindsFor,
  TRIGGER_EVENTS,
  TRIGGER_FORM_CONTROLS,
  type TriggerEvent,
  type TriggerFormControl,
  type TriggerFormInitial,
  type TriggerFormValue,
} from '../data-access/trigger.model';
import { LIMITS } from '../../core/api/limits';

const NOUNS: Readonly<Record<TriggerFormControl, string>> = {
  name: 'name',
  event: 'event',
  priority: 'priority',
  type: 'type',
  topic: 'topic',
  recipientKind: 'recipient',
  recipientUser: 'user',
  recipientWebhook: 'webhook',
  message: 'message',
  active: 'state',
};

/** The user of a "specific user" recipient: required and picked from the list. */
function recipientUserValidator(control: AbstractControl): ValidationErrors | null {
  if (control.parent?.get('recipientKind')?.value !== 'user') return null;
  return Validators.required(control) ?? pickedOptionValidator(control);
}

/** The webhook of a webhook recipient: required. */
function recipientWebhookValidator(control: AbstractControl): ValidationErrors | null {
  if (control.parent?.get('recipientKind')?.value !== 'webhook') return null;
  return Validators.required(control);
}

/** The message may only use the placeholders of the chosen event. */
function messagePlaceholdersValidator(control: AbstractControl): ValidationErrors | null {
  const event = control.parent?.get('event')?.value as TriggerEvent | undefined;
  if (!event || typeof control.value !== 'string') return null;
  const unknown = unknownPlaceholders(control.value, placeholdersFor(event));
  return unknown.length > 0 ? { placeholders: unknown } : null;
}

/**
 * The trigger form: when (event and, for ticket events, conditions), to whom, what message, and
 * whether it is on. Presentational: the host saves and supplies the user options.
 */
@Component({
  selector: 'bw-trigger-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatButtonModule,
    FormProblemComponent,
    PlaceholderHelpComponent,
    UserPickerComponent,
  ],
  templateUrl: './trigger-form.component.html',
  styleUrl: './trigger-form.component.scss',
})
export class TriggerFormComponent extends UserPickingForm<
  TriggerFormInitial,
  TriggerFormValue,
  FormProblem<TriggerFormControl>
> {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.trigger.name)]],
    event: this.fb.control<TriggerEvent>('ticket.closed', Validators.required),
    priority: this.fb.control<TicketPriority[]>([]),
    type: this.fb.control<TicketType[]>([]),
    topic: this.fb.control<TicketTopic[]>([]),
    recipientKind: this.fb.control<RecipientKind>('ticket_creator', Validators.required),
    recipientUser: this.fb.control<PickerOption | string | null>(null, recipientUserValidator),
    recipientWebhook: this.fb.control<string>('', recipientWebhookValidator),
    message: ['', [Validators.required, Validators.maxLength(LIMITS.trigger.message), messagePlaceholdersValidator]],
    active: true,
  });

  protected readonly events = TRIGGER_EVENTS;
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly types = TICKET_TYPES;
  protected readonly topics = TICKET_TOPICS;
  protected readonly labels = {
    event: eventLabel,
    priority: priorityLabel,
    type: typeLabel,
    topic: topicLabel,
    recipient: recipientKindLabel,
  };
  protected readonly limits = LIMITS.trigger;
  protected readonly eventHint = eventHint;
  protected readonly isTicketEvent = isTicketEvent;
  protected readonly recipientKindsFor = recipientKindsFor;
  protected readonly placeholdersFor = placeholdersFor;
  /** The user's webhooks, for a webhook recipient. */
  protected readonly webhooks = signal<readonly WebhookOption[]>([]);

  constructor() {
    super();
    this.form.controls.recipientKind.valueChanges.subscribe(() => {
      this.form.controls.recipientUser.updateValueAndValidity();
      this.form.controls.recipientWebhook.updateValueAndValidity();
    });
    void listOwnWebhooks().then((webhooks) => this.webhooks.set(webhooks));
    this.form.controls.event.valueChanges.subscribe(() => this.form.controls.message.updateValueAndValidity());
  }

  protected errorFor(control: TriggerFormControl): string | null {
    const errors = this.form.controls[control].errors;
    if (control === 'message' && errors?.['placeholders'] && !errors['server']) {
      const unknown = (errors['placeholders'] as string[]).map(placeholderToken).join(', ');
      return `Unknown placeholder ${unknown} for this event. Use the placeholders listed below.`;
    }
    return controlMessage(
      NOUNS[control],
      errors,
      control === 'recipientUser' ||
        control === 'event' ||
        control === 'recipientKind' ||
        control === 'recipientWebhook',
    );
  }

  /** Customer events have no ticket people: the message goes to a specific user. */
  protected eventChanged(): void {
    const kind = this.form.controls.recipientKind.value;
    if (!this.isTicketEvent(this.form.controls.event.value) && kind !== 'webhook' && kind !== 'user') {
      this.form.controls.recipientKind.setValue('user');
    }
  }

  protected insertPlaceholder(box: HTMLTextAreaElement, name: string): void {
    insertPlaceholderInto(this.form.controls.message, box, name);
  }

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      const first = TRIGGER_FORM_CONTROLS.find((name) => this.form.controls[name].invalid);
      if (first) this.focus(first);
      return;
    }
    const v = this.form.getRawValue();
    const ticketEvent = isTicketEvent(v.event);
    const user = v.recipientUser;
    this.submitted.emit({
      name: v.name.trim(),
      event: v.event,
      conditions: ticketEvent ? { priority: v.priority, type: v.type, topic: v.topic } : {},
      recipient:
        v.recipientKind === 'user'
          ? { kind: 'user', userId: user !== null && typeof user === 'object' ? user.id : '' }
          : v.recipientKind === 'webhook'
            ? { kind: 'webhook', webhookId: v.recipientWebhook }
            : { kind: v.recipientKind },
      message: v.message,
      active: v.active,
    });
  }

  protected reset(initial: TriggerFormInitial): void {
    this.form.reset({
      name: initial.name,
      event: initial.event,
      priority: [...initial.priority],
      type: [...initial.type],
      topic: [...initial.topic],
      recipientKind: initial.recipientKind,
      recipientUser: initial.recipientUser,
      recipientWebhook: initial.recipientWebhook,
      message: initial.message,
      active: initial.active,
    });
  }

  protected showProblem(problem: FormProblem<TriggerFormControl>): void {
    const first = applyServerErrors(this.form, problem.fieldErrors);
    if (first) this.focus(first);
  }

  private focus(control: string): void {
    const root = this.host.nativeElement;
    (
      root.querySelector<HTMLElement>(`[data-control="${control}"]`) ??
      root.querySelector<HTMLElement>(`[formcontrolname="${control}"]`)
    )?.focus();
  }
}
