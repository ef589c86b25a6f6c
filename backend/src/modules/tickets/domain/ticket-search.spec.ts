import { priorityRank, searchTerms } from './ticket-search';

describe('searchTerms', () => {
  it('makes every word a prefix, lower-cased, anything else separating words', () => {
    expect(searchTerms('Lapt  INV')).toEqual({ prefixes: 'lapt:* & inv:*', number: null, emailPrefix: 'lapt  inv%' });
    expect(searchTerms('"o\'brien" & | ! :* (x)')).toMatchObject({ prefixes: 'o:* & brien:* & x:*' });
    expect(searchTerms('café über')).toMatchObject({ prefixes: 'café:* & über:*' });
  });

  it('reads a ticket number with or without #, within the column range', () => {
    expect(searchTerms('#1042')).toMatchObject({ prefixes: '1042:*', number: 1042 });
    expect(searchTerms(' 1042 ')).toMatchObject({ number: 1042 });
    expect(searchTerms('#0')).toMatchObject({ number: null });
    expect(searchTerms('2147483648')).toMatchObject({ number: null });
    expect(searchTerms('#12a')).toMatchObject({ number: null });
  });

  it('escapes LIKE wildcards in the email prefix, and has no words for punctuation alone', () => {
    expect(searchTerms('a_b%c\\')).toMatchObject({ emailPrefix: 'a\\_b\\%c\\\\%' });
    expect(searchTerms('#')).toEqual({ prefixes: null, number: null, emailPrefix: '#%' });
    expect(searchTerms('   ')).toBeNull();
  });

  it('keeps at most 16 words, in time linear in the length of q', () => {
    expect(searchTerms('w '.repeat(100))!.prefixes!.split(' & ')).toHaveLength(16);
    const started = performance.now();
    searchTerms('a'.repeat(100_000) + '!'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('priorityRank', () => {
  it('ranks urgent first', () => {
    expect(['low', 'urgent', 'normal', 'high'].map((p) => priorityRank(p as never))).toEqual([1, 4, 2, 3]);
  });
});
