#!/usr/bin/env node
// Fails when the Angular app's initial load (every script and stylesheet index.html pulls in,
// gzipped at level 9 as a server would send it) exceeds a limit in kB:
//   node tools/bundle-size.mjs dist/frontend/browser 120
// Angular's own budgets (frontend/project.json) measure raw bytes; this checks what goes over the wire.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir = 'dist/frontend/browser', limitArg = '120'] = process.argv.slice(2);
const limitKb = Number(limitArg);
const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = 0;
for (const file of new Set(files)) {
  const bytes = gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
  total += bytes;
  console.log(`${(bytes / 1000).toFixed(1).padStart(7)} kB  ${file}`);
}
console.log(`${(total / 1000).toFixed(1).padStart(7)} kB  initial load, gzipped (limit ${limitKb} kB)`);
if (files.length === 0) {
  console.error('No scripts found in index.html');
  process.exit(1);
}
if (total / 1000 > limitKb) {
  console.error(`The initial load is over ${limitKb} kB gzipped: lazy-load more routes or drop dependencies.`);
  process.exit(1);
}
