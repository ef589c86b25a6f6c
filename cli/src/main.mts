import { ApiError } from '#sdk';
import { readFileSync } from 'node:fs';
import { type Command, commandHelp, parseCommand, UsageError } from './cli.mjs';
import { customerCommands } from './commands/customers.mjs';
import { eventsCommand } from './commands/events.mjs';
import { loginCommand } from './commands/login.mjs';
import { messageCommands } from './commands/messages.mjs';
import { statsCommands } from './commands/stats.mjs';
import { ticketCommands } from './commands/tickets.mjs';
import { tokenCommands } from './commands/tokens.mjs';
import { viewCommands } from './commands/views.mjs';
import type { Output } from './output.mjs';

const COMMANDS: Command[] = [
  loginCommand,
  ...ticketCommands,
  ...customerCommands,
  ...messageCommands,
  ...tokenCommands,
  ...statsCommands,
  ...viewCommands,
  eventsCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: bw <command> [options]',
    '',
    'The Balanced Workspace helpdesk from the command line.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --json (machine-readable output) and --help.',
    'Environment: BW_URL (the server) and BW_TOKEN (an API token) override what `bw login` stored.',
    'Exit codes: 0 success, 1 an API error (its detail on stderr), 2 bad usage.',
    '',
  ].join('\n');
}

function groupHelp(group: string): string {
  const commands = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: bw ${group} <${commands.map((c) => c.name.slice(group.length + 1)).join('|')}> [options]`,
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run bw ${group} <command> --help for its options.`,
    '',
  ].join('\n');
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../libs/sdk/package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return `bw ${manifest.version} (@balanced-workspace/sdk ${manifest.version})\n`;
}

/** Finds the command named by the first words of argv; the rest are its arguments. */
function resolve(argv: string[]): { command: Command; rest: string[] } | { help: string; exitCode: number } {
  const [first, second] = argv;
  if (first === undefined) return { help: overview(), exitCode: 2 };
  if (first === '--help' || first === '-h' || first === 'help') return { help: overview(), exitCode: 0 };
  const single = COMMANDS.find((c) => c.name === first);
  if (single) return { command: single, rest: argv.slice(1) };
  const isGroup = COMMANDS.some((c) => c.name.startsWith(`${first} `));
  if (!isGroup) throw new UsageError(`Unknown command "${first}".`);
  if (second === undefined) return { help: groupHelp(first), exitCode: 2 };
  if (second === '--help' || second === '-h') return { help: groupHelp(first), exitCode: 0 };
  const command = COMMANDS.find((c) => c.name === `${first} ${second}`);
  if (!command) throw new UsageError(`Unknown command "${first} ${second}".`, first);
  return { command, rest: argv.slice(2) };
}

function describe(error: ApiError): string {
  const fields = (error.problem.errors ?? []).map((e) => `\n  ${e.field}: ${e.message}`).join('');
  return `Error: ${error.problem.detail || error.problem.title} (${error.status}${error.problem.code ? ` ${error.problem.code}` : ''})${fields}\n`;
}

/** Runs `bw <argv>` and resolves to the exit code. */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Output = process,
): Promise<number> {
  try {
    if (argv[0] === '--version' || argv[0] === '-v') {
      out.stdout.write(version());
      return 0;
    }
    const resolved = resolve(argv);
    if ('help' in resolved) {
      (resolved.exitCode === 0 ? out.stdout : out.stderr).write(resolved.help);
      return resolved.exitCode;
    }
    const { command, rest } = resolved;
    const parsed = parseCommand(command, rest);
    if (parsed.help) {
      out.stdout.write(commandHelp(command));
      return 0;
    }
    await command.run({
      options: parsed.options,
      positionals: parsed.positionals,
      json: parsed.options['json'] === true,
      out,
      env,
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr.write(
        `bw: ${error.message}\nRun \`bw ${error.helpFor ?? ''}${error.helpFor ? ' ' : ''}--help\` for usage.\n`,
      );
      return 2;
    }
    if (error instanceof ApiError) {
      out.stderr.write(describe(error));
      return 1;
    }
    if (error instanceof TypeError && error.message === 'fetch failed') {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      out.stderr.write(
        `Error: cannot reach the server${cause ? `: ${cause}` : ''}. Check BW_URL or \`bw login --url\`.\n`,
      );
      return 1;
    }
    out.stderr.write(`Error: ${(error as Error).message}\n`);
    return 1;
  }
}
