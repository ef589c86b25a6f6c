#!/usr/bin/env node
// The SDK pipeline (ADR 0003, ADR 0009).
// `generate`: build the backend, write libs/sdk/openapi.json (no database needed), regenerate
//   libs/sdk/src/generated and set libs/sdk/package.json's version to the document's info.version.
// `check`: do the same into a temporary folder and fail if the committed document, SDK or package
//   version differ from what the code produces.
// `build`: compile the package into libs/sdk/dist (ESM + CommonJS + declarations) for `npm pack`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sdkDir = path.join(root, 'libs', 'sdk');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function generate(outDir) {
  run(bin('tsc'), ['-b', 'backend/tsconfig.app.json']);
  run(process.execPath, ['dist/backend/openapi.js', path.join(outDir, 'openapi.json')]);
  run(bin('openapi-ts'), ['-s', '-f', 'libs/sdk/openapi-ts.config.mjs'], {
    env: { ...process.env, SDK_OUT_DIR: outDir },
  });
  const manifest = path.join(outDir, 'package.json');
  const pkg = readJson(manifest);
  pkg.version = readJson(path.join(outDir, 'openapi.json')).info.version;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
}

function build() {
  const dist = path.join(sdkDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  run(bin('tsc'), ['-p', path.join(sdkDir, 'tsconfig.esm.json')]);
  run(bin('tsc'), ['-p', path.join(sdkDir, 'tsconfig.cjs.json')]);
  // The package is "type": "module"; this marks the CommonJS half (its .js and .d.ts) as CommonJS.
  writeFileSync(path.join(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
}

function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

const mode = process.argv[2];
if (mode === 'generate') {
  generate(sdkDir);
  console.log('SDK regenerated: libs/sdk/openapi.json, libs/sdk/src/generated and the package version');
} else if (mode === 'build') {
  build();
  console.log('SDK built: libs/sdk/dist (esm, cjs, declarations)');
} else if (mode === 'check') {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bw-sdk-'));
  try {
    cpSync(path.join(sdkDir, 'package.json'), path.join(tmp, 'package.json'));
    generate(tmp);
    const generated = (dir) =>
      listFiles(path.join(dir, 'src', 'generated')).map((f) => path.join('src', 'generated', f));
    const fresh = ['openapi.json', 'package.json', ...generated(tmp)];
    const old = ['openapi.json', 'package.json', ...generated(sdkDir)];
    const drift = [...new Set([...fresh, ...old])].filter((file) => {
      try {
        return readFileSync(path.join(tmp, file), 'utf8') !== readFileSync(path.join(sdkDir, file), 'utf8');
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
    console.log(
      `SDK check: libs/sdk matches the code (${fresh.length} files, version ${readJson(path.join(tmp, 'package.json')).version})`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  console.error('usage: node tools/sdk.mjs generate|check|build');
  process.exit(2);
}
