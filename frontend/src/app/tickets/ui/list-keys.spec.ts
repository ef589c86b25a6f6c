import { isTypingTarget, LIST_SHORTCUTS, listKeyAction } from './list-keys';

/** A stand-in for an element: its tag, its type, and whether it sits inside `inside` (a selector part). */
const el = (tagName: string, type?: string, inside?: string) => ({
  tagName,
  type,
  closest: (selector: string) => (inside && selector.includes(inside) ? {} : null),
});
const body = el('BODY');

const key = (k: string, target: unknown = body, extra: Partial<KeyboardEvent> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...extra,
});
const onRow = { inTable: true, inRow: true, onRow: true };
const page = { inTable: false, inRow: false, onRow: false };

describe('the list keys', () => {
  it('j/k move anywhere, the arrows only inside the table', () => {
    expect(listKeyAction(key('j'), page)).toBe('next');
    expect(listKeyAction(key('k'), page)).toBe('previous');
    expect(listKeyAction(key('ArrowDown'), page)).toBeNull();
    expect(listKeyAction(key('ArrowUp'), onRow)).toBe('previous');
  });

  it('x and Space select the row, Shift+Space a range, Enter opens only from the row itself', () => {
    expect(listKeyAction(key('x'), onRow)).toBe('toggle');
    expect(listKeyAction(key('x'), page)).toBeNull();
    expect(listKeyAction(key(' '), onRow)).toBe('toggle');
    expect(listKeyAction(key(' ', body, { shiftKey: true }), onRow)).toBe('range');
    expect(listKeyAction(key('Enter'), onRow)).toBe('open');
    // Enter on the title link is the link's.
    expect(listKeyAction(key('Enter'), { ...onRow, onRow: false })).toBeNull();
  });

  it('leaves keys typed into fields, and chords, alone', () => {
    const search = el('INPUT', 'search');
    const checkbox = el('INPUT', 'checkbox');
    const area = el('TEXTAREA', undefined, 'textarea');
    const option = el('MAT-OPTION', undefined, '[role="listbox"]');
    expect(isTypingTarget(search)).toBe(true);
    expect(isTypingTarget(area)).toBe(true);
    expect(isTypingTarget(option)).toBe(true);
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(isTypingTarget(body)).toBe(false);
    expect(listKeyAction(key('j', search), page)).toBeNull();
    expect(listKeyAction(key(' ', checkbox), { ...onRow, onRow: false })).toBe('toggle');
    expect(listKeyAction(key('j', body, { ctrlKey: true }), page)).toBeNull();
  });

  it('lists its keys for the shortcut overlay', () => {
    expect(LIST_SHORTCUTS.map((s) => s.keys)).toEqual(expect.arrayContaining(['j / k', 'x', 'Enter']));
  });
});
