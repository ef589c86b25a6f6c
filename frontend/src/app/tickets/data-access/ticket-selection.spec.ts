import { TicketSelection } from './ticket-selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: TicketSelection) => [...s.selected()].sort();

describe('TicketSelection', () => {
  it('toggles one row at a time and counts them', () => {
    const s = new TicketSelection();
    s.toggle('b');
    s.toggle('d');
    expect(ids(s)).toEqual(['b', 'd']);
    s.toggle('b');
    expect(ids(s)).toEqual(['d']);
    expect(s.count()).toBe(1);
  });

  it('shift-click selects from the anchor to the clicked row, in either direction', () => {
    const s = new TicketSelection();
    s.toggle('b');
    s.toggleRange('d', order);
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    // The clicked row is the next anchor: from d up to a.
    s.toggleRange('a', order);
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a range onto a selected row unselects the whole range', () => {
    const s = new TicketSelection();
    s.setAll(order, true);
    s.toggle('e'); // unselects e, anchors there
    s.toggleRange('c', order); // c is selected: c..e all go off
    expect(ids(s)).toEqual(['a', 'b']);
  });

  it('without an anchor in the list, a shift-click is a plain toggle', () => {
    const s = new TicketSelection();
    s.toggleRange('c', order);
    expect(ids(s)).toEqual(['c']);
    s.toggle('x');
    s.keepOnly(order); // x left the list, and with it the anchor
    s.toggleRange('e', order);
    expect(ids(s)).toEqual(['c', 'e']);
  });

  it('selects all loaded rows, or none, and forgets rows that left the list', () => {
    const s = new TicketSelection();
    s.setAll(order, true);
    expect(s.count()).toBe(5);
    s.keepOnly(['a', 'c']);
    expect(ids(s)).toEqual(['a', 'c']);
    const before = s.selected();
    s.keepOnly(['a', 'c', 'z']);
    expect(s.selected()).toBe(before);
    s.clear();
    expect(s.count()).toBe(0);
  });
});
