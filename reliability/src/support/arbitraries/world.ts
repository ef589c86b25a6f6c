// What the fuzzer knows (the world of real ids) and what it sends and expects.

/** Real ids the fuzzing user may name (it owns them), so valid requests reach the use cases. */
export interface World {
  ownUserId: string;
  userIds: string[];
  customers: string[];
  tickets: string[];
  macros: string[];
  triggers: string[];
  messages: string[];
  /** Ids a DELETE may consume (one each), so deletes do not empty the pools above. */
  sacrificial: Record<'customers' | 'tickets' | 'macros' | 'triggers' | 'tokens', string[]>;
  /** nextCursor values seen per list path with the filters they were issued for (a cursor belongs to its query). */
  cursors: Map<string, { filters: Record<string, string>; cursor: string }[]>;
}

export type Expectation =
  /** Valid by the contract: anything but 400 and 5xx, and a documented status. */
  | { kind: 'valid' }
  /** Invalid: a 4xx problem; a 400 must name `field` in errors[]. */
  | { kind: 'invalid'; field?: string; statuses?: number[] }
  /** Odd but legal-looking input (unicode, control characters, unknown query keys): never 5xx; a 400 names `field`. */
  | { kind: 'edge'; field?: string };

export interface FuzzRequest {
  label: string;
  method: string;
  /** Path plus query, relative to the server. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Run it on a fresh cookie jar (login, signup, demo, logout would disturb the fuzzing session). */
  throwaway: boolean;
  expect: Expectation;
  /** Only for reproducible output: what was mutated. */
  note?: string;
}
