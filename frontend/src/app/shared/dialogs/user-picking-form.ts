import { Directive, input, output } from '@angular/core';
import type { PickerOption } from '../pickers/picker-options';
import { RecordForm } from './record-form';

/**
 * A `RecordForm` that picks users (a macro's "Assign to", a trigger's recipient): the user
 * search's options and whether they are loading come in, the text typed into a picker goes out.
 */
@Directive()
export abstract class UserPickingForm<Initial, Value, Problem> extends RecordForm<Initial, Value, Problem> {
  readonly userOptions = input<readonly PickerOption[]>([]);
  readonly usersLoading = input(false);
  /** Text typed into a user picker, to search users with. */
  readonly userSearch = output<string>();
}
