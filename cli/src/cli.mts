import { parseArgs } from 'node:util';
import type { Output } from './output.mjs';

/** Bad usage: an unknown command or option, a missing argument. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly helpFor?: string,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help, e.g. `--box <incoming|outgoing|all>`. */
  value?: string;
  description: string;
}

export interface Invocation {
  /** The parsed options (strings or booleans, as declared). */
  options: Record<string, string | boolean | undefined>;
  positionals: string[];
  json: boolean;
  out: Output;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  /** `tickets list`, `login`. */
  name: string;
  summary: string;
  /** The positional arguments, in order, e.g. `['<id>']`. All are required. */
  args?: string[];
  options?: Record<string, OptionSpec>;
  /** More text for --help (examples, notes). */
  notes?: string;
  run(invocation: Invocation): Promise<void>;
}

/** Every command takes these. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'Print machine-readable JSON on stdout' },
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
};

/** The options of list commands that page. */
export const PAGE_OPTIONS: Record<string, OptionSpec> = {
  limit: { type: 'string', value: '<1..100>', description: 'Page size (default 10; 100 with --all)' },
  cursor: { type: 'string', value: '<cursor>', description: 'Start at this page (the nextCursor of the previous one)' },
  all: { type: 'boolean', description: 'Fetch every page (a progress bar on stderr when it is a terminal)' },
  max: { type: 'string', value: '<n>', description: 'With --all: stop after n items' },
};

export function parseCommand(command: Command, argv: string[]) {
  const specs = { ...COMMON_OPTIONS, ...command.options };
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'),
      command.name,
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help']) return { help: true as const, options: values, positionals: parsed.positionals };
  const expected = command.args ?? [];
  if (parsed.positionals.length < expected.length)
    throw new UsageError(`Missing ${expected.slice(parsed.positionals.length).join(' ')}.`, command.name);
  if (parsed.positionals.length > expected.length)
    throw new UsageError(`Unexpected argument "${parsed.positionals[expected.length]}".`, command.name);
  return { help: false as const, options: values, positionals: parsed.positionals };
}

export function commandHelp(command: Command): string {
  const specs = { ...command.options, ...COMMON_OPTIONS };
  const rows = Object.entries(specs).map(([name, spec]): [string, string] => [
    `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`,
    spec.description,
  ]);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = [
    `Usage: bw ${command.name}${(command.args ?? []).map((a) => ` ${a}`).join('')} [options]`,
    '',
    command.summary,
    '',
    'Options:',
  ];
  lines.push(...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`));
  if (command.notes) lines.push('', command.notes);
  return `${lines.join('\n')}\n`;
}

/** A string option, or undefined. */
export function str(invocation: Invocation, name: string): string | undefined {
  const value = invocation.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** A required string option. */
export function required(invocation: Invocation, name: string, command: string): string {
  const value = str(invocation, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required.`, command);
  return value;
}

/** A positive integer option within [min, max], or undefined. */
export function int(
  invocation: Invocation,
  name: string,
  command: string,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const value = str(invocation, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`, command);
  return n;
}
