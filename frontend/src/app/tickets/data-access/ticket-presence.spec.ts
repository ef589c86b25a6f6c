import type { PresenceEvent } from '../../core/live/live-event.types';
import { presenceSentence, presentOn } from './ticket-presence';

const alex = { id: 'u-alex', username: 'alex' };
const sam = { id: 'u-sam', username: 'sam' };
const kim = { id: 'u-kim', username: 'kim' };
const me = { id: 'u-me', username: 'me' };

function everyone(...events: PresenceEvent[]): ReadonlyMap<string, PresenceEvent> {
  return new Map(events.map((e) => [`${e.ticketId}:${e.user.id}`, e]));
}
const at = (user: typeof alex, state: PresenceEvent['state'], ticketId = 't1'): PresenceEvent => ({
  ticketId,
  user,
  state,
});

describe('presentOn', () => {
  it('lists the others on this ticket, editors first, leaving out the caller and other tickets', () => {
    const all = everyone(at(alex, 'viewing'), at(sam, 'editing'), at(kim, 'viewing', 't2'), at(me, 'viewing'));
    expect(presentOn(all, 't1', me.id)).toEqual([
      { user: sam, state: 'editing' },
      { user: alex, state: 'viewing' },
    ]);
    expect(presentOn(all, null, me.id)).toEqual([]);
  });
});

describe('presenceSentence', () => {
  it('says who is editing, then who is viewing', () => {
    expect(presenceSentence([])).toBe('');
    expect(presenceSentence([{ user: alex, state: 'viewing' }])).toBe('alex is viewing');
    const mixed = everyone(at(alex, 'viewing'), at(sam, 'editing'), at(kim, 'viewing'));
    expect(presenceSentence(presentOn(mixed, 't1', me.id))).toBe('sam is editing · alex and kim are viewing');
    const three = everyone(at(alex, 'viewing'), at(sam, 'viewing'), at(kim, 'viewing'));
    expect(presenceSentence(presentOn(three, 't1', me.id))).toBe('alex, kim and sam are viewing');
  });
});
