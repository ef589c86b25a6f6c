import type { PickerOption } from './ticket.model';

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
