/** One choice in an autocomplete picker (a customer, a user, a ticket, a macro). */
export interface PickerOption {
  readonly id: string;
  readonly label: string;
  /** A second line, e.g. the customer's email. */
  readonly hint?: string;
}

interface UserLike {
  readonly id: string;
  readonly username: string;
}

/**
 * The assignee choices: "Me" first (the API lists only *other* users, but a ticket may be
 * assigned to oneself) when the search text matches the caller's name, then the other users.
 */
export function assigneeOptions(me: UserLike | null, others: readonly UserLike[], q: string): PickerOption[] {
  const query = q.trim().toLowerCase();
  const options: PickerOption[] = [];
  if (me && (query === '' || me.username.toLowerCase().includes(query) || 'me'.startsWith(query))) {
    options.push({ id: me.id, label: `Me (${me.username})` });
  }
  for (const user of others) {
    if (user.id !== me?.id) {
      options.push({ id: user.id, label: user.username });
    }
  }
  return options;
}
