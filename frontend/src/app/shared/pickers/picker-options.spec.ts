import { assigneeOptions } from './picker-options';

const me = { id: 'u-ada', username: 'ada' };
const others = [
  { id: 'u-bob', username: 'bob' },
  { id: 'u-cy', username: 'cyrus' },
];

describe('assigneeOptions', () => {
  it('offers "Me" first, then the other users', () => {
    expect(assigneeOptions(me, others, '')).toEqual([
      { id: 'u-ada', label: 'Me (ada)' },
      { id: 'u-bob', label: 'bob' },
      { id: 'u-cy', label: 'cyrus' },
    ]);
  });

  it('keeps "Me" only when the search matches the caller', () => {
    expect(assigneeOptions(me, [others[0]], 'bo').map((o) => o.id)).toEqual(['u-bob']);
    expect(assigneeOptions(me, [], 'AD').map((o) => o.id)).toEqual(['u-ada']);
    expect(assigneeOptions(me, [], 'me').map((o) => o.id)).toEqual(['u-ada']);
  });

  it('never lists the caller twice and works without a session', () => {
    expect(assigneeOptions(me, [me, others[0]], '').map((o) => o.id)).toEqual(['u-ada', 'u-bob']);
    expect(assigneeOptions(null, others, '').map((o) => o.id)).toEqual(['u-bob', 'u-cy']);
  });
});
