import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  untracked,
} from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { map } from 'rxjs';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { controlMessage } from '../../core/forms/control-message';
import { applyServerErrors } from '../../core/forms/field-errors';
import type { FormProblem } from '../../core/forms/form-problem';
import { httpUrlValidator, pickedOptionValidator } from '../../core/forms/validators';
import { FormProblemComponent } from '../../shared/dialogs/form-problem.component';
import { priorityLabel, statusLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import {
  NEW_TICKET_DEFAULTS,
  type PickerOption,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TOPICS,
  TICKET_TYPES,
  type TicketFormInitial,
  type TicketFormValue,
  type TicketPriority,
  type TicketStatus,
  type TicketTopic,
  type TicketType,
} from '../data-access/ticket.model';
import { LIMITS } from '../../core/api/limits';

/**
 * `create`: a new ticket. `edit`: the creator edits every field. `edit-limited`: the assignee
 * changes status and priority only.
 */
export type TicketFormMode = 'create' | 'edit' | 'edit-limited';

export const TICKET_FORM_CONTROLS = [
  'title',
  'description',
  'customer',
  'assignee',
  'type',
  'priority',
  'topic',
  'status',
  'photoUrl',
  'dueAt',
] as const;
export type TicketFormControl = (typeof TICKET_FORM_CONTROLS)[number];

/** Request-body field → control, for placing the server's field errors. */
export const TICKET_FIELD_TO_CONTROL: Readonly<Record<string, TicketFormControl>> = {
  customerId: 'customer',
  assigneeId: 'assignee',
};

const NOUNS: Readonly<Record<TicketFormControl, string>> = {
  title: 'title',
  description: 'description',
  customer: 'customer',
  assignee: 'assignee',
  type: 'type',
  priority: 'priority',
  topic: 'topic',
  status: 'status',
  photoUrl: 'photo URL',
  dueAt: 'due date',
};

const LIMITED_CONTROLS: readonly TicketFormControl[] = ['priority', 'status'];

/** The ticket form, for creating and editing. Presentational: the host saves and supplies picker options. */
@Component({
  selector: 'bw-ticket-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatAutocompleteModule,
    MatButtonModule,
    FormProblemComponent,
  ],
  templateUrl: './ticket-form.component.html',
  styleUrl: './ticket-form.component.scss',
})
export class TicketFormComponent {
  readonly mode = input<TicketFormMode>('create');
  /** What the form starts from; a new object resets the form (e.g. after "Reload"). */
  readonly initial = input<TicketFormInitial>(NEW_TICKET_DEFAULTS);
  readonly customerOptions = input<readonly PickerOption[]>([]);
  readonly assigneeOptions = input<readonly PickerOption[]>([]);
  readonly customersLoading = input(false);
  readonly pending = input(false);
  /** The last failed save; a new object each time, so the same error twice still shows. */
  readonly problem = input<FormProblem<TicketFormControl> | null>(null);
  readonly submitLabel = input('Create ticket');
  readonly formLabel = input('New ticket');
  readonly showCancel = input(false);

  readonly submitted = output<TicketFormValue>();
  readonly cancelled = output<void>();
  /** The text typed into a picker, to search the server with. */
  readonly customerSearch = output<string>();
  readonly assigneeSearch = output<string>();
  /** The user asked for the latest version after a conflict. */
  readonly reload = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(LIMITS.ticket.title)]],
    description: ['', [Validators.maxLength(LIMITS.ticket.description)]],
    customer: this.fb.control<PickerOption | string | null>(null, [Validators.required, pickedOptionValidator]),
    assignee: this.fb.control<PickerOption | string | null>(null, [Validators.required, pickedOptionValidator]),
    type: this.fb.control<TicketType>('question', Validators.required),
    priority: this.fb.control<TicketPriority>('normal', Validators.required),
    topic: this.fb.control<TicketTopic>('general', Validators.required),
    status: this.fb.control<TicketStatus>('open', Validators.required),
    photoUrl: ['', [Validators.maxLength(LIMITS.ticket.photoUrl), httpUrlValidator]],
    dueAt: [''],
  });

  /** The fields as the user leaves them, at every change (for a page that keeps a draft). */
  readonly draftChange = outputFromObservable(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue() as TicketFormInitial)),
  );

  protected readonly full = computed(() => this.mode() !== 'edit-limited');
  protected readonly types = TICKET_TYPES;
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly topics = TICKET_TOPICS;
  protected readonly statuses = TICKET_STATUSES;
  protected readonly labels = { type: typeLabel, priority: priorityLabel, topic: topicLabel, status: statusLabel };
  protected readonly limits = LIMITS.ticket;

  protected readonly displayOption = (value: PickerOption | string | null): string =>
    typeof value === 'string' ? value : (value?.label ?? '');

  constructor() {
    effect(() => {
      const initial = this.initial();
      const mode = this.mode();
      untracked(() => this.reset(initial, mode));
    });
    effect(() => {
      const problem = this.problem();
      if (problem) {
        untracked(() => this.show(problem));
      }
    });
  }

  protected errorFor(control: TicketFormControl): string | null {
    return controlMessage(
      NOUNS[control],
      this.form.controls[control].errors,
      control === 'customer' || control === 'assignee',
    );
  }

  protected typed(picker: 'customer' | 'assignee', event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    (picker === 'customer' ? this.customerSearch : this.assigneeSearch).emit(text);
  }

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const v = this.form.getRawValue();
    const idOf = (option: PickerOption | string | null): string =>
      option !== null && typeof option === 'object' ? option.id : '';
    this.submitted.emit({
      title: v.title.trim(),
      description: v.description.trim(),
      customerId: idOf(v.customer),
      assigneeId: idOf(v.assignee),
      type: v.type,
      priority: v.priority,
      topic: v.topic,
      status: v.status,
      photoUrl: v.photoUrl.trim(),
      dueAt: v.dueAt,
    });
  }

  private reset(initial: TicketFormInitial, mode: TicketFormMode): void {
    this.form.reset({
      title: initial.title,
      description: initial.description,
      customer: initial.customer,
      assignee: initial.assignee,
      type: initial.type,
      priority: initial.priority,
      topic: initial.topic,
      status: initial.status,
      photoUrl: initial.photoUrl,
      dueAt: initial.dueAt,
    });
    for (const name of TICKET_FORM_CONTROLS) {
      const control = this.form.controls[name];
      if (mode === 'edit-limited' && !LIMITED_CONTROLS.includes(name)) {
        control.disable({ emitEvent: false });
      } else {
        control.enable({ emitEvent: false });
      }
    }
  }

  private show(problem: FormProblem<TicketFormControl>): void {
    const first = applyServerErrors(this.form, problem.fieldErrors);
    if (first) {
      this.focus(first);
    } else if (problem.message) {
      this.revealAlert();
    }
  }

  /** Brings the message above the form into view (the submit button may be far below it, in a dialog). */
  private revealAlert(): void {
    afterNextRender(() => this.host.nativeElement.querySelector('bw-alert')?.scrollIntoView({ block: 'nearest' }), {
      injector: this.injector,
    });
  }

  private focusFirstInvalid(): void {
    const first = TICKET_FORM_CONTROLS.find((name) => this.form.controls[name].invalid);
    if (first) {
      this.focus(first);
    }
  }

  private focus(control: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(`[formcontrolname="${control}"]`)?.focus();
  }
}
