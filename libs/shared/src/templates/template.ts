import type { Placeholder, TemplateValues } from './placeholders';

/**
 * The one template language of macros and triggers: `{{ name }}` placeholders replaced by plain
 * text. No expressions, no code, no HTML: the result is text, and clients render it as text.
 */

/** One `{{ name }}` in a template: the text from `start` to `end` (exclusive) and the name, trimmed. */
export interface PlaceholderMatch {
  start: number;
  end: number;
  name: string;
}

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }

/**
 * Finds the placeholders in one left-to-right pass. A placeholder is `{{`, then text without
 * braces, then `}}`; its name is that text without surrounding whitespace (the whitespace of
 * String.prototype.trim, which is the regular-expression `\s`). Templates are user input, and a
 * backtracking pattern over them was super-linear, so this never looks back: each character is
 * inspected at most twice. `steps` counts the inspections, so tests can check that the work grows
 * linearly with the input without timing anything.
 */
export function scanPlaceholders(template: string): { placeholders: PlaceholderMatch[]; steps: number } {
  const placeholders: PlaceholderMatch[] = [];
  const n = template.length;
  let steps = 0;
  let i = 0;
  while (i + 1 < n) {
    steps++;
    if (template.charCodeAt(i) !== OPEN || template.charCodeAt(i + 1) !== OPEN) {
      i++;
      continue;
    }
    // The name runs to the next brace.
    let j = i + 2;
    while (j < n) {
      steps++;
      const c = template.charCodeAt(j);
      if (c === OPEN || c === CLOSE) break;
      j++;
    }
    // No brace left: no placeholder can start from here on.
    if (j >= n) break;
    if (template.charCodeAt(j) === CLOSE && template.charCodeAt(j + 1) === CLOSE) {
      placeholders.push({ start: i, end: j + 2, name: template.slice(i + 2, j).trim() });
      i = j + 2;
    } else {
      // `{` or a lone `}`: no placeholder starts at i, and none before j - 1 (no braces in between).
      i = j - 1;
    }
  }
  return { placeholders, steps };
}

/** The placeholders a template uses that are not in `allowed`, each once (empty when the template is valid). */
export function unknownPlaceholders(template: string, allowed: readonly Placeholder[]): string[] {
  const names = new Set(allowed.map((p) => p.name));
  const unknown = new Set<string>();
  for (const { name } of scanPlaceholders(template).placeholders) if (!names.has(name)) unknown.add(name);
  return [...unknown];
}

/** Replaces each known placeholder by its value (missing values render as empty text); unknown ones stay as written. */
export function renderTemplate(template: string, values: TemplateValues): string {
  const parts: string[] = [];
  let copied = 0;
  for (const { start, end, name } of scanPlaceholders(template).placeholders) {
    if (!Object.hasOwn(values, name)) continue;
    parts.push(template.slice(copied, start), values[name as keyof TemplateValues] ?? '');
    copied = end;
  }
  parts.push(template.slice(copied));
  return parts.join('');
}
