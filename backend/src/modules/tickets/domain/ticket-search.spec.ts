import { priorityRank, searchTerms } from './ticket-search';

describe('searchTerms', () => {
  it('makes every word a prefix, lower-cased, anything else separating words', () => {
    expect(searchTerms('Lapt  INV')).toEqual({
      prefixes: 'lapt:* & inv:*',
      customerWords: 'lapt & inv',
      number: null,
      emailPrefix: "'@lapt  inv'",
    });
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

  it('quotes the email prefix as one tsquery lexeme, and has no words for punctuation alone', () => {
    expect(searchTerms("O'b\\c:*&|")).toMatchObject({ emailPrefix: "'@o\\'b\\\\c:*&|'" });
    expect(searchTerms('#')).toEqual({ prefixes: null, customerWords: null, number: null, emailPrefix: "'@#'" });
    expect(searchTerms('   ')).toBeNull();
  });

  it('asks customer_search for a stored prefix lexeme up to 10 characters, a prefix beyond', () => {
    expect(searchTerms('skłodowska skłodowskac')).toMatchObject({
      prefixes: 'skłodowska:* & skłodowskac:*',
      customerWords: 'skłodowska & skłodowskac:*',
    });
    expect(searchTerms('g.hopper@n')).toMatchObject({ emailPrefix: "'@g.hopper@n'" });
    expect(searchTerms('g.hopper@na')).toMatchObject({ emailPrefix: "'@g.hopper@na':*" });
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
