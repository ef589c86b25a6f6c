// What a crashed or killed run leaves behind: stale postmaster.pid files and orphaned servers.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assert, check, children, dataDir, port, startLogged, stop } from './harness.mjs';
import { alive, answers, deadPid, exitOf, postmasterPid, query, startOwnerProcess, waitFor } from './probes.mjs';

export async function recoveryChecks() {
  await check(
    'stale postmaster.pid naming a dead PID: removed, server starts',
    async () => {
      const pid = await deadPid();
      fs.writeFileSync(
        path.join(dataDir, 'postmaster.pid'),
        `${pid}\n${dataDir}\n1700000000\n${port}\n\n127.0.0.1\n  1234  5678\nready   \n`,
      );
      const { db, lines } = await startLogged();
      assert(
        lines.some((l) => l.includes(`PID ${pid} is no longer running`)),
        `did not log the stale pid: ${lines.join(' / ')}`,
      );
      assert((await query(db.url, 'SELECT note FROM kept')).length === 1, 'data lost');
      await stop(db);
    },
    30_000,
  );

  await check(
    'stale postmaster.pid naming a PID now used by another program: removed, server starts',
    async () => {
      const other = spawn('sleep', ['60']);
      children.add(other);
      try {
        fs.writeFileSync(
          path.join(dataDir, 'postmaster.pid'),
          `${other.pid}\n${dataDir}\n1700000000\n${port}\n\n127.0.0.1\n  1234  5678\nready   \n`,
        );
        const { db, lines } = await startLogged();
        assert(
          lines.some((l) => l.includes(`PID ${other.pid}, which is now another process`)),
          `did not log it: ${lines.join(' / ')}`,
        );
        assert(alive(other.pid), 'killed an unrelated process');
        await stop(db);
      } finally {
        other.kill('SIGKILL');
      }
    },
    30_000,
  );

  await check(
    'killed run: the owner is SIGKILLed, its server keeps running; the next start stops it and starts fresh',
    async () => {
      const { child, url } = await startOwnerProcess();
      const orphan = postmasterPid();
      child.kill('SIGKILL');
      await exitOf(child);
      assert(alive(orphan) && (await answers(url)), 'expected the orphaned server to still be running');

      const began = Date.now();
      const { db, lines } = await startLogged();
      const took = Date.now() - began;
      assert(
        lines.some((l) => l.includes('left behind by a run that ended without stopping it')),
        `did not log the orphan: ${lines.join(' / ')}`,
      );
      assert(!alive(orphan), `orphaned postmaster ${orphan} still running`);
      assert(postmasterPid() !== orphan, 'same postmaster');
      assert((await query(db.url, 'SELECT note FROM kept')).length === 1, 'data lost');
      assert(took < 30_000, `recovery took ${took} ms`);
      await stop(db);
    },
    60_000,
  );

  await check(
    'killed server: postmaster SIGKILLed too (stale pid, shared memory); the next start recovers',
    async () => {
      const { child } = await startOwnerProcess();
      const pid = postmasterPid();
      child.kill('SIGKILL');
      process.kill(pid, 'SIGKILL');
      await exitOf(child);
      await waitFor(() => !alive(pid), 5_000, 'the postmaster to die');
      const { db, lines } = await startLogged();
      assert(
        lines.some((l) => l.includes(`PID ${pid} is no longer running`)),
        `did not log the stale pid: ${lines.join(' / ')}`,
      );
      assert((await query(db.url, 'SELECT note FROM kept')).length === 1, 'data lost');
      await stop(db);
    },
    60_000,
  );
}
