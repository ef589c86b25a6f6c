import { Directive, effect, input, output, untracked } from '@angular/core';

/**
 * The inputs and outputs of a form shown in a create/edit dialog (`RecordDialog`): where it
 * starts, whether a save is in flight, the last failed save, its labels, and submit / cancel /
 * "Reload" after a conflict. A new `initial` resets the form; a new `problem` shows its errors.
 */
@Directive()
export abstract class RecordForm<Initial, Value, Problem> {
  /** What the form starts from; a new object resets the form (e.g. after "Reload"). */
  readonly initial = input.required<Initial>();
  readonly pending = input(false);
  /** The last failed save; a new object each time, so the same error twice still shows. */
  readonly problem = input<Problem | null>(null);
  readonly formLabel = input.required<string>();
  readonly submitLabel = input.required<string>();

  readonly submitted = output<Value>();
  readonly cancelled = output<void>();
  readonly reload = output<void>();

  constructor() {
    effect(() => {
      const initial = this.initial();
      untracked(() => this.reset(initial));
    });
    effect(() => {
      const problem = this.problem();
      if (problem) {
        untracked(() => this.showProblem(problem));
      }
    });
  }

  /** Puts `initial` into the form. */
  protected abstract reset(initial: Initial): void;
  /** Shows the server's errors next to their fields, and focuses the first. */
  protected abstract showProblem(problem: Problem): void;
}
