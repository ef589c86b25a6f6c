import type { PresenceEvent, UserRef } from '../../core/live/live-event.types';

/** Someone else on the ticket page: looking at it, or with its edit dialog open. */
export interface PresentUser {
  readonly user: UserRef;
  readonly state: 'viewing' | 'editing';
}

/**
 * The others on `ticketId`, editors first, then by name, from everyone present (the caller is
 * left out, also from another tab of theirs).
 */
export function presentOn(
  everyone: ReadonlyMap<string, PresenceEvent>,
  ticketId: string | null,
  meId: string | null,
): readonly PresentUser[] {
  const here: PresentUser[] = [];
  for (const { ticketId: id, user, state } of everyone.values()) {
    if (id === ticketId && user.id !== meId && state !== 'left') here.push({ user, state });
  }
  return here.sort(
    (a, b) =>
      (a.state === b.state ? 0 : a.state === 'editing' ? -1 : 1) || a.user.username.localeCompare(b.user.username),
  );
}

function names(people: readonly PresentUser[]): string {
  const list = people.map((p) => p.user.username);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "sam is editing · alex and kim are viewing"; '' when nobody else is here. */
export function presenceSentence(people: readonly PresentUser[]): string {
  return (['editing', 'viewing'] as const)
    .map((state) => {
      const group = people.filter((p) => p.state === state);
      if (group.length === 0) return '';
      return `${names(group)} ${group.length === 1 ? 'is' : 'are'} ${state}`;
    })
    .filter(Boolean)
    .join(' · ');
}
