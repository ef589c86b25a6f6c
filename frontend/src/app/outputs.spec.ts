import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// An output named like a native DOM event also receives that event when it bubbles out of the
// component's template: `<bw-search-field (search)="search($event)">` got the native `search`
// event of its `<input type="search">` on Enter, and searched for "[object Event]". These tests
// read the app's sources, so they cover every component, also ones added later.

const appDir = __dirname;

function sources(dir: string, extension: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension) && !entry.name.endsWith('.spec.ts'))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: path.slice(appDir.length + 1), text: readFileSync(path, 'utf8') };
    });
}

/** The DOM's event names, as TypeScript's lib.dom.d.ts lists them, plus `search` (WebKit/Blink only). */
function nativeEventNames(): Set<string> {
  const dom = readFileSync(require.resolve('typescript/lib/lib.dom.d.ts'), 'utf8');
  const names = new Set(['search']);
  for (const map of ['ElementEventMap', 'GlobalEventHandlersEventMap', 'HTMLElementEventMap']) {
    const body = dom.slice(dom.indexOf(`interface ${map} `)).split('\n}')[0];
    for (const match of body.matchAll(/^\s+"([a-z]+)":/gm)) names.add(match[1]);
  }
  return names;
}

const OUTPUT = /readonly (\w+) = (?:output|outputFromObservable)\b/g;

describe('component outputs', () => {
  const native = nativeEventNames();
  const components = sources(appDir, '.ts');

  it('reads the DOM event names', () => {
    expect(native.size).toBeGreaterThan(50);
    for (const name of ['click', 'input', 'submit', 'toggle', 'search']) expect(native.has(name)).toBe(true);
  });

  it('never share their name with a native DOM event', () => {
    const clashes = components.flatMap(({ path, text }) =>
      [...text.matchAll(OUTPUT)]
        .map((match) => match[1])
        .filter((name) => native.has(name))
        .map((name) => `${path}: ${name}`),
    );
    expect(clashes).toEqual([]);
  });

  it('include the renamed ones: the search field and user picker report queryChange, a trigger row toggleActive', () => {
    const outputsOf = (file: string) =>
      [...(components.find((c) => c.path.endsWith(file))?.text ?? '').matchAll(OUTPUT)].map((m) => m[1]);
    expect(outputsOf('shared/ui/search-field.component.ts')).toEqual(['queryChange']);
    expect(outputsOf('shared/pickers/user-picker.component.ts')).toEqual(['queryChange']);
    expect(outputsOf('triggers/ui/trigger-list-item.component.ts')).toContain('toggleActive');
  });

  it('are what the templates bind: no template listens to the native search event', () => {
    const templates = [...components, ...sources(appDir, '.html')];
    expect(templates.filter(({ text }) => /\(search\)=/.test(text)).map(({ path }) => path)).toEqual([]);
    // The search field itself (the tickets page, the record list), the record list with a search box
    // (in the record page), and the pages that give the record page one (customers, macros).
    const searchFieldHosts = templates.filter(({ text }) => /<bw-search-field\b/.test(text));
    expect(searchFieldHosts.length).toBeGreaterThanOrEqual(2);
    for (const { text } of searchFieldHosts)
      expect(text).toMatch(/<bw-search-field[^>]*\(queryChange\)="[\w.]+\(\$event\)"/);
    const searchListHosts = templates.filter(({ text }) => /<bw-record-list[^>]*\[search\]=/.test(text));
    expect(searchListHosts.length).toBeGreaterThanOrEqual(1);
    for (const { text } of searchListHosts)
      expect(text).toMatch(/<bw-record-list[^>]*\(queryChange\)="[\w.()?]*search\(\$event\)"/);
    const searchPages = templates.filter(({ text }) => /<bw-record-page[^>]*\[searchBox\]=/.test(text));
    expect(searchPages.length).toBeGreaterThanOrEqual(2);
    for (const { text } of searchPages) expect(text).toMatch(/<bw-record-page[^>]*\[urlSearch\]=/);
  });
});
