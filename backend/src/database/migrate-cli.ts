/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (tools/with-db.mjs starts the embedded server when unset). */
import { runMigrations } from './migrate';

const url = process.env['DATABASE_URL'];
if (!url) {
  console.error('DATABASE_URL is not set (run through `npm run db:migrate`, which provides it)');
  process.exit(2);
}
runMigrations(url, (line) => console.log(line)).then(
  (applied) => {
    console.log(applied.length ? `${applied.length} migration(s) applied` : 'The database is up to date');
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
