/** Escapes LIKE's wildcards (`%`, `_`) and its escape character, so the text matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The LIKE pattern of "contains this text, ignoring case" (compare it with a lower-cased column). */
export function containsIgnoringCase(text: string): string {
  return `%${escapeLike(text.toLowerCase())}%`;
}
