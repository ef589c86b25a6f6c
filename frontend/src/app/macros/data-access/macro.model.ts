import type { CreateMacroDto, MacroAvailability, MacroDto, UpdateMacroDto } from '@bw/sdk';
import { priorityLabel, statusLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import type { PickerOption } from '../../shared/pickers/picker-options';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TOPICS,
  TICKET_TYPES,
} from '../../shared/ticket-fields/ticket-fields';

export type Macro = MacroDto;
/** One action, typed by the API as a union on `type`: the value of `set_priority` is a priority. */
export type MacroAction = MacroDto['actions'][number];
export type MacroActionType = MacroAction['type'];
export type { MacroAvailability };

/** Limits from the API, mirrored so the form can say so before a round trip. */
export const MACROS_PAGE_SIZE = 10;

export const MACRO_ACTION_TYPES: readonly MacroActionType[] = [
  'set_status',
  'set_priority',
  'set_type',
  'set_topic',
  'set_assignee',
  'add_comment',
];
export const MACRO_AVAILABILITIES: readonly MacroAvailability[] = ['personal', 'everyone'];

const ACTION_TYPE_LABELS: Readonly<Record<MacroActionType, string>> = {
  set_status: 'Set status',
  set_priority: 'Set priority',
  set_type: 'Set type',
  set_topic: 'Set topic',
  set_assignee: 'Assign to',
  add_comment: 'Add comment',
};

export interface EnumChoice {
  readonly value: string;
  readonly label: string;
}

/** The choices of the enum-valued actions; the others (assignee, comment) have none. */
export const ACTION_CHOICES: Readonly<Partial<Record<MacroActionType, readonly EnumChoice[]>>> = {
  set_status: TICKET_STATUSES.map((value) => ({ value, label: statusLabel(value) })),
  set_priority: TICKET_PRIORITIES.map((value) => ({ value, label: priorityLabel(value) })),
  set_type: TICKET_TYPES.map((value) => ({ value, label: typeLabel(value) })),
  set_topic: TICKET_TOPICS.map((value) => ({ value, label: topicLabel(value) })),
};

export const actionTypeLabel = (type: MacroActionType): string => ACTION_TYPE_LABELS[type] ?? type;

export const availabilityLabel = (availability: MacroAvailability): string =>
  availability === 'everyone' ? 'Everyone' : 'Only me';

export function isEnumAction(type: MacroActionType): boolean {
  return ACTION_CHOICES[type] !== undefined;
}

/** The label of an enum action's value ("urgent" → "Urgent"). */
export function choiceLabel(type: MacroActionType, value: string): string {
  return ACTION_CHOICES[type]?.find((choice) => choice.value === value)?.label ?? value;
}

/** One line per action, for lists: "Set priority: Urgent", "Assign to: ada", "Add comment: “Hello …”". */
export function describeAction(action: MacroAction, userName: (id: string) => string | null): string {
  switch (action.type) {
    case 'set_assignee':
      return `${actionTypeLabel(action.type)}: ${userName(action.value) ?? 'a user'}`;
    case 'add_comment': {
      const text = action.value.replace(/\s+/g, ' ').trim();
      return `${actionTypeLabel(action.type)}: “${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
    }
    default:
      return `${actionTypeLabel(action.type)}: ${choiceLabel(action.type, action.value)}`;
  }
}

/** One action row of the form: `value` for enums and comments, `user` for "Assign to". */
export interface MacroActionDraft {
  readonly type: MacroActionType;
  readonly value: string;
  readonly user: PickerOption | null;
}

/** What the macro form starts from. */
export interface MacroFormInitial {
  readonly name: string;
  readonly description: string;
  readonly availableFor: MacroAvailability;
  readonly actions: readonly MacroActionDraft[];
}

/** What the macro form hands back: trimmed text and ready-to-send actions. */
export interface MacroFormValue {
  readonly name: string;
  readonly description: string;
  readonly availableFor: MacroAvailability;
  readonly actions: readonly MacroAction[];
}

export const NEW_MACRO_FORM: MacroFormInitial = {
  name: '',
  description: '',
  availableFor: 'personal',
  actions: [{ type: 'add_comment', value: '', user: null }],
};

/** The form's starting point for an existing macro; `userName` labels the "Assign to" users. */
export function macroToFormInitial(macro: Macro, userName: (id: string) => string | null): MacroFormInitial {
  return {
    name: macro.name,
    description: macro.description ?? '',
    availableFor: macro.availableFor,
    actions: macro.actions.map((action) =>
      action.type === 'set_assignee'
        ? { type: action.type, value: '', user: { id: action.value, label: userName(action.value) ?? 'Unknown user' } }
        : { type: action.type, value: action.value, user: null },
    ),
  };
}

export function toCreateMacroBody(value: MacroFormValue): CreateMacroDto {
  return {
    name: value.name,
    ...(value.description !== '' ? { description: value.description } : {}),
    availableFor: value.availableFor,
    actions: value.actions.map(plainAction),
  };
}

/** The action alone, without anything else a form row carried. */
function plainAction(action: MacroAction): MacroAction {
  return { type: action.type, value: action.value } as MacroAction;
}

function sameActions(a: readonly MacroAction[], b: readonly MacroAction[]): boolean {
  return a.length === b.length && a.every((action, i) => action.type === b[i].type && action.value === b[i].value);
}

/** The PATCH body: only what changed, with the version the form was filled from; `null` when nothing changed. */
export function toUpdateMacroBody(macro: Macro, value: MacroFormValue): UpdateMacroDto | null {
  const changes: Partial<UpdateMacroDto> = {};
  if (value.name !== macro.name) changes.name = value.name;
  if (value.description !== (macro.description ?? '')) changes.description = value.description;
  if (value.availableFor !== macro.availableFor) changes.availableFor = value.availableFor;
  if (!sameActions(value.actions, macro.actions)) changes.actions = value.actions.map(plainAction);
  return Object.keys(changes).length === 0 ? null : { ...changes, version: macro.version };
}
