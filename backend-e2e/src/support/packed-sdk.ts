import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const root = path.resolve(__dirname, '..', '..', '..');
export const sdkDir = path.join(root, 'libs', 'sdk');

/** Runs a command; a failure's error names its output (tsc prints its errors on stdout). */
export async function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    return await promisify(execFile)(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** The program without its TypeScript annotations. */
const js = (source: string) => source.replace(/ as const|: string \| undefined|: string\[\]/g, '');

/** A program as an ES module, a CommonJS script, or strict TypeScript (`.mts`), importing the package as `sdk`. */
const FLAVOURS = {
  esm: { ext: 'mjs', source: (body: string) => `import * as sdk from '@balanced-workspace/sdk';\n${js(body)}` },
  cjs: {
    ext: 'cjs',
    source: (body: string) => `const sdk = require('@balanced-workspace/sdk');\n(async () => {${js(body)}})();`,
  },
  ts: { ext: 'mts', source: (body: string) => `import * as sdk from '@balanced-workspace/sdk';\n${body}` },
};
export type Flavour = keyof typeof FLAVOURS;

export interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

/** The SDK as a user gets it: `npm pack` in libs/sdk (after its build), installed into a fresh project. */
export class PackedSdk {
  private constructor(
    readonly project: string,
    readonly manifest: Manifest,
  ) {}

  static async install(): Promise<PackedSdk> {
    const project = mkdtempSync(path.join(tmpdir(), 'bw-sdk-consumer-'));
    await run('npm', ['pack', '--pack-destination', project, '--silent'], sdkDir);
    // The SDK's dependency comes from the repository's node_modules, packed the same way, so the
    // install stays offline and gets the version the SDK pins.
    const parser = path.join(root, 'node_modules', 'eventsource-parser');
    await run('npm', ['pack', parser, '--pack-destination', project, '--silent'], root);
    const tarballs = readdirSync(project).filter((f) => f.endsWith('.tgz'));
    if (tarballs.length !== 2) throw new Error(`npm pack wrote ${tarballs.join(', ') || 'no tarball'}`);
    await run('npm', ['init', '-y'], project);
    await run('npm', ['install', ...tarballs.map((t) => `./${t}`), '--offline', '--no-audit', '--no-fund'], project);
    const installed = path.join(project, 'node_modules', '@balanced-workspace', 'sdk', 'package.json');
    return new PackedSdk(project, JSON.parse(readFileSync(installed, 'utf8')));
  }

  /** Writes `body` as a program of that flavour (TypeScript compiled as a strict Node project would) and names the file to run. */
  async scriptFor(flavour: Flavour, name: string, body: string): Promise<string> {
    const { ext, source } = FLAVOURS[flavour];
    const file = `${name}.${ext}`;
    writeFileSync(path.join(this.project, file), source(body));
    if (flavour !== 'ts') return file;
    // A Node project: @types/node (the repository's) supplies process and the Fetch API's types.
    const typeRoots = [path.join(root, 'node_modules', '@types')];
    const compilerOptions = {
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2022'],
      typeRoots,
      types: ['node'],
      skipLibCheck: false,
      outDir: 'out',
    };
    writeFileSync(path.join(this.project, `tsconfig.json`), JSON.stringify({ compilerOptions, files: [file] }));
    await run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'], this.project);
    return path.join('out', `${name}.mjs`);
  }

  /** Runs a file of the project with `node`. */
  node(script: string, env: Record<string, string>) {
    return run(process.execPath, [script], this.project, env);
  }

  remove(): void {
    rmSync(this.project, { recursive: true, force: true });
  }
}
