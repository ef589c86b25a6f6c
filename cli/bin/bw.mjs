#!/usr/bin/env node
// The `bw` command line (root package.json "bin"). The TypeScript in cli/src is compiled to
// dist/cli by `npx nx build cli` (part of `npm run build`); see docs/adr/0009-sdk-package-and-cli.md.
import { existsSync } from 'node:fs';

const entry = new URL('../../dist/cli/main.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('bw is not built yet: run `npx nx build cli` (or `npm run build`) first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
