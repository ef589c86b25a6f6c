import type { UserDto } from '#sdk';
import { BrowserSession, serverUrl } from '../api.mjs';
import { type Command, type Invocation, type OptionSpec, str, UsageError } from '../cli.mjs';
import { writeConfig } from '../config.mjs';
import { print, printJson } from '../output.mjs';
import { ask, askHidden, readStdinLine } from '../prompt.mjs';

/** How a command that needs a session (login, tokens create) gets one. */
export const SESSION_OPTIONS: Record<string, OptionSpec> = {
  email: { type: 'string', value: '<email>', description: 'Log in as this user (asked for on a terminal otherwise)' },
  'password-stdin': { type: 'boolean', description: 'Read the password from the first line of stdin (for scripts)' },
  demo: { type: 'boolean', description: 'Log in as the demo user (POST /api/auth/demo)' },
};

const SESSION_NOTES = `Without --email or --demo, the email and password are asked for on the terminal (the password is
not echoed). In scripts, use --email with --password-stdin: echo "$PASSWORD" | bw login --email me@example.com --password-stdin`;

/** Logs a browser-like session in with the invocation's credentials (prompting on a terminal). */
export async function openSession(
  invocation: Invocation,
  command: string,
  url: string,
): Promise<{ session: BrowserSession; user: UserDto }> {
  const session = new BrowserSession(url);
  if (invocation.options['demo'] === true) {
    if (str(invocation, 'email') || invocation.options['password-stdin'])
      throw new UsageError('--demo takes no --email or --password-stdin.', command);
    return { session, user: await session.logIn('demo') };
  }
  let email = str(invocation, 'email');
  let password: string;
  if (invocation.options['password-stdin'] === true) {
    if (!email) throw new UsageError('--password-stdin needs --email.', command);
    password = await readStdinLine();
  } else {
    if (!process.stdin.isTTY)
      throw new UsageError('stdin is not a terminal: use --email with --password-stdin, or --demo.', command);
    email ||= await ask('Email: ');
    password = await askHidden('Password: ');
  }
  if (!email) throw new UsageError('An email is required.', command);
  return { session, user: await session.logIn({ email, password }) };
}

export const loginCommand: Command = {
  name: 'login',
  summary: 'Log in, create an API token for this machine and store it (mode 0600) for the other commands.',
  options: {
    url: {
      type: 'string',
      value: '<url>',
      description: 'The server (default: BW_URL, the stored one, or http://localhost:3000)',
    },
    name: { type: 'string', value: '<name>', description: 'The token\'s name (default "bw on <hostname>")' },
    ...SESSION_OPTIONS,
  },
  notes: `${SESSION_NOTES}

The token is created from a short session (POST /api/auth/login, then POST /api/auth/tokens with the
XSRF header), which is logged out right after. It is stored with the server's URL in
$XDG_CONFIG_HOME/balanced-workspace/config.json (default ~/.config/…). BW_URL and BW_TOKEN override it.`,
  async run(invocation) {
    const url = serverUrl(invocation.env, str(invocation, 'url'));
    const { session, user } = await openSession(invocation, 'login', url);
    const token = await session.createTokenAndLogOut(str(invocation, 'name'));
    const file = writeConfig(invocation.env, { url, token: token.token, tokenId: token.id, username: user.username });
    if (invocation.json)
      printJson(invocation.out, {
        url,
        user,
        token: { id: token.id, name: token.name, createdAt: token.createdAt },
        config: file,
      });
    else print(invocation.out, `Logged in to ${url} as ${user.username}. Token "${token.name}" saved in ${file}.`);
  },
};
