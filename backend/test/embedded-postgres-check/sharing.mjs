// Several processes on one data folder, and a busy port.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { assert, check, dataDir, startLogged, stop } from './harness.mjs';
import { alive, answers, exitOf, postmasterPid, query, startOwnerProcess, waitFor } from './probes.mjs';

export async function sharingChecks() {
  await check(
    'server used by a running process: shared, and left running when the sharer stops',
    async () => {
      const { child, url } = await startOwnerProcess();
      try {
        const pid = postmasterPid();
        const { db, lines } = await startLogged();
        assert(db.url === url, `url ${db.url} differs from the owner's ${url}`);
        assert(
          lines.some((l) => l.includes('sharing it')),
          `did not log the sharing: ${lines.join(' / ')}`,
        );
        assert(postmasterPid() === pid, 'restarted the shared server');
        await stop(db);
        assert(alive(pid) && (await answers(url)), 'stop() of a sharer stopped the server');
      } finally {
        child.kill('SIGTERM');
        await waitFor(
          () => child.exitCode !== null || child.signalCode !== null,
          20_000,
          'the owner to stop and exit by itself',
        );
      }
      assert(child.exitCode === 0, `owner exited with ${child.exitCode ?? child.signalCode}`);
      assert(!fs.existsSync(path.join(dataDir, 'postmaster.pid')), 'the last user did not stop the server');
    },
    60_000,
  );

  await check(
    'the process that started the server stops first: the server stays up for the sharer, who stops it last',
    async () => {
      const { child, url } = await startOwnerProcess();
      const pid = postmasterPid();
      const { db } = await startLogged();
      child.kill('SIGTERM');
      await waitFor(
        () => child.exitCode !== null || child.signalCode !== null,
        20_000,
        'the owner to exit by itself while the server stays up',
      );
      assert(alive(pid) && (await answers(url)), 'the server went away with its starter while still in use');
      assert((await query(db.url, 'SELECT note FROM kept')).length === 1, 'data lost');
      await stop(db);
      assert(!alive(pid), `postmaster ${pid} still running after the last user stopped`);
      assert(!fs.existsSync(path.join(dataDir, 'postmaster.pid')), 'postmaster.pid left behind');
    },
    60_000,
  );

  await check(
    'two processes starting at the same moment: one starts the server, the other shares it',
    async () => {
      const [a, b] = await Promise.all([startOwnerProcess(), startOwnerProcess()]);
      const pid = postmasterPid();
      assert(a.url === b.url && (await answers(a.url)), 'both should reach the same server');
      a.child.kill('SIGTERM');
      await exitOf(a.child);
      assert(alive(pid) && (await answers(b.url)), 'server stopped while the other still used it');
      b.child.kill('SIGTERM');
      await exitOf(b.child);
      await waitFor(() => !alive(pid), 20_000, 'the server to stop after the last user');
    },
    90_000,
  );

  await check(
    'a busy port fails fast with a clear error',
    async () => {
      const blocker = net.createServer().listen(0, '127.0.0.1');
      await new Promise((resolve) => blocker.once('listening', resolve));
      try {
        await startLogged({ port: blocker.address().port }).then(
          () => assert(false, 'started on a busy port'),
          (error) =>
            assert(
              /did not start/.test(error.message) && /Address already in use|could not/.test(error.message),
              `unclear error: ${error.message}`,
            ),
        );
      } finally {
        blocker.close();
      }
    },
    30_000,
  );
}
