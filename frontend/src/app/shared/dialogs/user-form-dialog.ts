import {
  type ComponentRef,
  computed,
  DestroyRef,
  Directive,
  effect,
  inject,
  Injector,
  type InputSignal,
  type OnInit,
  type OutputEmitterRef,
  type Signal,
  signal,
  type Type,
  untracked,
  viewChild,
  ViewContainerRef,
} from '@angular/core';
import type { ApiProblem } from '../../core/api/problem';
import { UserDirectory } from '../../core/lookup/user-directory';
import type { RecordDialog } from './edit-dialog';
import type { UserPickingForm } from './user-picking-form';

/** What the dialog reads of its feature's `EditorStore`. */
export interface EditorSignals {
  readonly saving: Signal<boolean>;
  readonly reloading: Signal<boolean>;
  readonly problem: Signal<ApiProblem | null>;
}

/** What form `F` starts from, hands back, and shows of a failed save. */
type InitialOf<F> = F extends { initial: InputSignal<infer I> } ? I : never;
type ValueOf<F> = F extends { submitted: OutputEmitterRef<infer V> } ? V : never;
type ProblemOf<F> = F extends { problem: InputSignal<infer P | null> } ? P : never;

/** An input of the form the dialog sets, by name (checked against `UserPickingForm`). */
type FormInput = keyof UserPickingForm<unknown, unknown, unknown> & string;

/**
 * The template of every `UserFormDialog`: the frame, and the place the form is shown in.
 * `imports: [DialogFrameComponent], template: USER_FORM_DIALOG_TEMPLATE`.
 */
export const USER_FORM_DIALOG_TEMPLATE = `
  <bw-dialog-frame [heading]="labels().heading" [loading]="loading()" [loadingLabel]="labels().loading">
    <ng-container #form />
  </bw-dialog-frame>
`;

/**
 * The base of a create/edit dialog whose form picks users (a macro's "Assign to", a trigger's
 * recipient), with the template `USER_FORM_DIALOG_TEMPLATE`. The subclass names the record
 * (`noun`), its `form`, its editor store and how a record and a failed save become the form's
 * start and problem. This base holds the user search behind the pickers and the form's starting
 * value, set once the names of the users the record refers to are known (so the pickers can show
 * them), again after "Reload"; then it shows the form, bound to the dialog: labels from the noun,
 * pending while saving or reloading, the problem, submit, cancel, reload and the user search.
 */
@Directive()
export abstract class UserFormDialog<
  T extends { readonly id: string },
  F extends UserPickingForm<InitialOf<F>, ValueOf<F>, ProblemOf<F>>,
> implements OnInit {
  private readonly injector = inject(Injector);
  protected readonly directory = inject(UserDirectory);
  protected readonly users = this.directory.createSearch();
  /** `null` until the names are known. */
  protected readonly initial = signal<InitialOf<F> | null>(null);

  protected abstract readonly editor: EditorSignals;
  protected abstract readonly dialog: Pick<
    RecordDialog<T, ValueOf<F>, unknown, unknown>,
    'record' | 'submit' | 'close' | 'reload'
  >;
  /** The form component, shown once its starting value is known. */
  protected abstract readonly form: Type<F>;
  /** The record in the labels: "New macro", "Create macro", "Loading the macro". */
  protected abstract readonly noun: string;
  /** The form's value for a new record. */
  protected abstract readonly blank: InitialOf<F>;

  /** The users `record` refers to, whose names the form shows. */
  protected abstract userIds(record: T): readonly string[];
  protected abstract toInitial(record: T, nameOf: (id: string) => string | null): InitialOf<F>;
  /** A failed save as the form shows it. */
  protected abstract toProblem(problem: ApiProblem): ProblemOf<F>;

  protected readonly labels = computed(() => {
    const editing = this.dialog.record() !== null;
    return {
      heading: editing ? `Edit ${this.noun}` : `New ${this.noun}`,
      submit: editing ? 'Save changes' : `Create ${this.noun}`,
      loading: `Loading the ${this.noun}`,
    };
  });
  protected readonly loading = computed(() => this.editor.reloading() || this.initial() === null);
  private readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? this.toProblem(problem) : null;
  });
  private readonly formHost = viewChild('form', { read: ViewContainerRef });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.users.dispose());
    void this.users.now();
    effect(() => {
      const host = this.formHost();
      if (host && this.initial() !== null && host.length === 0) untracked(() => this.showForm(host));
    });
  }

  ngOnInit(): void {
    void this.start(this.dialog.record());
  }

  protected async start(record: T | null): Promise<void> {
    if (record === null) {
      this.initial.set(this.blank);
      return;
    }
    const ids = this.userIds(record);
    if (ids.length > 0) await this.directory.ensure(ids);
    this.initial.set(this.toInitial(record, this.directory.nameOf));
  }

  protected async reload(): Promise<void> {
    const latest = await this.dialog.reload();
    if (latest) await this.start(latest);
  }

  /** Creates the form in `host`, its inputs following the dialog's signals and its outputs calling the dialog. */
  private showForm(host: ViewContainerRef): void {
    const form = host.createComponent(this.form);
    // Set before the form's first check (`initial` is required), then kept up to date; setInput
    // skips a value it already has.
    this.setInputs(form);
    effect(() => this.setInputs(form), { injector: this.injector });
    const { submitted, cancelled, reload, userSearch } = form.instance;
    submitted.subscribe((value) => void this.dialog.submit(value));
    cancelled.subscribe(() => this.dialog.close());
    reload.subscribe(() => void this.reload());
    userSearch.subscribe((text) => this.users.search(text));
  }

  private setInputs(form: ComponentRef<F>): void {
    const inputs: Readonly<Partial<Record<FormInput, unknown>>> = {
      initial: this.initial(),
      userOptions: this.users.options(),
      usersLoading: this.users.loading(),
      pending: this.editor.saving() || this.editor.reloading(),
      problem: this.problem(),
      formLabel: this.labels().heading,
      submitLabel: this.labels().submit,
    };
    for (const [name, value] of Object.entries(inputs)) form.setInput(name, value);
  }
}
