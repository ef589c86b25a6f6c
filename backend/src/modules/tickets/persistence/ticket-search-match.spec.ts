import { searchTerms } from '../domain/ticket-search';
import { searchMatch } from './ticket.statements';

describe('searchMatch', () => {
  it('asks customer_search for the stored prefix lexemes, and search for prefixes', () => {
    const { text, values } = searchMatch(searchTerms('grac hopperinski')!).render();
    expect(text).toContain("t.search @@ to_tsquery('english', $1)");
    expect(text).toContain("t.customer_search @@ to_tsquery('simple', $2)");
    expect(text).toContain('t.customer_search @@ $3::tsquery');
    expect(values).toEqual(['grac:* & hopperinski:*', 'grac & hopperinski:*', "'@grac hopperinski':*"]);
  });

  it('adds the number and leaves out the word arms when q has no word', () => {
    expect(searchMatch(searchTerms('#42')!).render().values).toEqual(['42:*', '42', 42, "'@#42'"]);
    const { text, values } = searchMatch(searchTerms('@')!).render();
    expect(text).not.toContain('to_tsquery');
    expect(values).toEqual(["'@@'"]);
  });
});
