import type { TicketPriority } from './ticket.enums';

/** What a list search (`q`) looks for, as the statements take it (persistence/ticket.statements.ts). */
export interface TicketSearchTerms {
  /** `to_tsquery` text of the words as prefixes (`lapt:* & inv:*`), null when `q` has no word. */
  prefixes: string | null;
  /** `q` was a ticket number (`1042` or `#1042`). */
  number: number | null;
  /** A LIKE pattern for the customer's email (`q` as a prefix, `%`, `_` and `\` escaped). */
  emailPrefix: string;
}

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
  const digits = /^#?(\d{1,10})$/.exec(text)?.[1];
  const number = digits !== undefined && Number(digits) > 0 && Number(digits) <= MAX_NUMBER ? Number(digits) : null;
  return {
    prefixes: words.length ? words.map((w) => `${w}:*`).join(' & ') : null,
    number,
    emailPrefix: `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  };
}

/** A priority's rank, urgent highest: the key of `sort=priority` (PRIORITY_RANK in the statements). */
export const priorityRank = (priority: TicketPriority): number => ({ urgent: 4, high: 3, normal: 2, low: 1 })[priority];
