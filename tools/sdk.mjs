#!/usr/bin/env node
// The SDK pipeline. `generate`: build the backend, write libs/sdk/openapi.json (no database
// needed), regenerate libs/sdk/src/generated. `check`: do the same into a temporary folder and
// fail if the committed document or SDK differ from what the code produces.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function generate(outDir) {
  run(bin('tsc'), ['-p', 'backend/tsconfig.app.json']);
  const documentPath = path.join(outDir, 'openapi.json');
  run(process.execPath, ['dist/backend/openapi.js', documentPath]);
  run(bin('openapi-ts'), [
    '-s',
    '-i',
    documentPath,
    '-o',
    path.join(outDir, 'src', 'generated'),
    '-f',
    'libs/sdk/openapi-ts.config.mjs',
  ]);
}

function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

const mode = process.argv[2];
if (mode === 'generate') {
  generate(path.join(root, 'libs', 'sdk'));
  console.log('SDK regenerated: libs/sdk/openapi.json and libs/sdk/src/generated');
} else if (mode === 'check') {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bw-sdk-'));
  try {
    generate(tmp);
    const committed = path.join(root, 'libs', 'sdk');
    const fresh = [
      'openapi.json',
      ...listFiles(path.join(tmp, 'src', 'generated')).map((f) => path.join('src', 'generated', f)),
    ];
    const old = [
      'openapi.json',
      ...listFiles(path.join(committed, 'src', 'generated')).map((f) => path.join('src', 'generated', f)),
    ];
    const drift = [...new Set([...fresh, ...old])].filter((file) => {
      try {
        return readFileSync(path.join(tmp, file), 'utf8') !== readFileSync(path.join(committed, file), 'utf8');
      } catch {
        return true;
      }
    });
    if (drift.length > 0) {
      console.error(
        `The committed SDK is out of date with the code (${drift.join(', ')}). Run \`npm run sdk\` and commit the result.`,
      );
      process.exit(1);
    }
    console.log(`SDK check: libs/sdk matches the code (${fresh.length} files)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  console.error('usage: node tools/sdk.mjs generate|check');
  process.exit(2);
}
