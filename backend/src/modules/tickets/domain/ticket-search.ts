import type { TicketPriority } from './ticket.enums';

/** What a list search (`q`) looks for, as the statements take it (persistence/ticket.statements.ts). */
export interface TicketSearchTerms {
  /** `to_tsquery` text of the words as prefixes (`lapt:* & inv:*`), null when `q` has no word. */
  prefixes: string | null;
  /**
   * The same words for the customer's name in `tickets.customer_search`: a word of up to
   * CUSTOMER_PREFIX_LEXEMES characters as the exact lexeme its prefix is stored as (`grac`), a
   * longer one as a prefix (`skłodowska:*`); null when `q` has no word.
   */
  customerWords: string | null;
  /** `q` was a ticket number (`1042` or `#1042`). */
  number: number | null;
  /**
   * `tsquery` text of `q` as a prefix of the customer's email in `tickets.customer_search`, where
   * it is `@` + the email: the stored lexeme of that prefix up to CUSTOMER_PREFIX_LEXEMES
   * characters (`'@ann@ex'`), else a prefix (`'@ann@example.c':*`); `\\` and `'` escaped in the quotes.
   */
  emailPrefix: string;
}

/**
 * `tickets_customer_words` (migration 20270102000000) stores every prefix of a name's word and of
 * the email up to this many characters as a lexeme of its own.
 */
export const CUSTOMER_PREFIX_LEXEMES = 10;

/** A prefix `text` written as `lexeme` in a tsquery: the exact lexeme when it is stored as one, else a prefix query. */
const customerLexeme = (text: string, lexeme = text): string =>
  [...text].length <= CUSTOMER_PREFIX_LEXEMES ? lexeme : `${lexeme}:*`;

/** At most this many words of `q` are searched (`q` is at most 200 characters anyway). */
const MAX_WORDS = 16;
const MAX_NUMBER = 2 ** 31 - 1;

/**
 * `q` as prefix terms: every word (letters and digits; anything else separates words) must start
 * a word of the title or description, or of the customer's name; or `q` is the ticket's number
 * (`#1042`, `1042`) or the start of the customer's email. Linear in the length of `q`; the words
 * reach PostgreSQL as one parameter of `to_tsquery` made only of letters, digits, `:*` and `&`.
 */
export function searchTerms(q: string): TicketSearchTerms | null {
  const text = q.trim();
  if (!text) return null;
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  const email = text.toLowerCase();
  const digits = /^#?(\d{1,10})$/.exec(text)?.[1];
  const number = digits !== undefined && Number(digits) > 0 && Number(digits) <= MAX_NUMBER ? Number(digits) : null;
  return {
    prefixes: words.length ? words.map((w) => `${w}:*`).join(' & ') : null,
    customerWords: words.length ? words.map((w) => customerLexeme(w)).join(' & ') : null,
    number,
    emailPrefix: customerLexeme(email, `'@${email.replace(/[\\']/g, (c) => `\\${c}`)}'`),
  };
}

/** A priority's rank, urgent highest: the key of `sort=priority` (PRIORITY_RANK in the statements). */
export const priorityRank = (priority: TicketPriority): number => ({ urgent: 4, high: 3, normal: 2, low: 1 })[priority];
