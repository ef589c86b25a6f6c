import { listApiTokens, revokeApiToken } from '#sdk';
import { serverUrl, tokenClient } from '../api.mjs';
import { type Command, str } from '../cli.mjs';
import { info, print, printJson, printTable } from '../output.mjs';
import { openSession, SESSION_OPTIONS } from './login.mjs';

const create: Command = {
  name: 'tokens create',
  summary: 'Create another API token (for CI, a script) and print it; it is not stored.',
  options: {
    name: { type: 'string', value: '<name>', description: 'The token\'s name (default "bw on <hostname>")' },
    ...SESSION_OPTIONS,
  },
  notes: `Tokens are created only from a session, so this logs in like bw login (and out again).
The token is printed once on stdout: TOKEN=$(bw tokens create --name ci --email … --password-stdin)`,
  async run(invocation) {
    const { session } = await openSession(invocation, 'tokens create', serverUrl(invocation.env));
    const token = await session.createTokenAndLogOut(str(invocation, 'name'));
    if (invocation.json) return printJson(invocation.out, token);
    print(invocation.out, token.token);
    info(invocation.out, `Created token "${token.name}" (${token.id}). It is shown only this once.`);
  },
};

const list: Command = {
  name: 'tokens list',
  summary: 'List your API tokens (never their secrets).',
  async run(invocation) {
    const { data } = await listApiTokens({ client: tokenClient(invocation.env), throwOnError: true });
    if (invocation.json) return printJson(invocation.out, data);
    printTable(
      invocation.out,
      ['ID', 'NAME', 'CREATED', 'LAST USED'],
      data.items.map((t) => [t.id, t.name, t.createdAt, t.lastUsedAt ?? '-']),
    );
  },
};

const revoke: Command = {
  name: 'tokens revoke',
  summary: 'Revoke an API token; it stops working at once.',
  args: ['<id>'],
  async run(invocation) {
    const id = invocation.positionals[0] ?? '';
    await revokeApiToken({ client: tokenClient(invocation.env), path: { id }, throwOnError: true });
    if (invocation.json) return printJson(invocation.out, { id, revoked: true });
    print(invocation.out, `Revoked token ${id}`);
  },
};

export const tokenCommands: Command[] = [create, list, revoke];
