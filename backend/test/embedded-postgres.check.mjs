#!/usr/bin/env node
// Proves the embedded-PostgreSQL bootstrap's behaviours against its compiled output, in a
// throw-away data folder. Run it as root and as a normal user:
//
//   npx tsc -b backend/tsconfig.app.json && node backend/test/embedded-postgres.check.mjs
//   node backend/test/embedded-postgres.check.mjs path/to/compiled/embedded-postgres/index.js
//
// Prints `N passed, M failed` and exits non-zero when anything failed.
//
// The parts, in backend/test/embedded-postgres-check/: harness (the module, folder, port, check()),
// probes (queries, processes), and the checks: lifecycle, recovery, sharing.
import * as path from 'node:path';
import { finish, modulePath, port, scratch } from './embedded-postgres-check/harness.mjs';
import { lifecycleChecks } from './embedded-postgres-check/lifecycle.mjs';
import { recoveryChecks } from './embedded-postgres-check/recovery.mjs';
import { sharingChecks } from './embedded-postgres-check/sharing.mjs';

console.log(
  `Checking ${path.relative(process.cwd(), modulePath) || modulePath} in ${scratch} on port ${port}${process.getuid?.() === 0 ? ' (as root)' : ''}`,
);

await lifecycleChecks();
await recoveryChecks();
await sharingChecks();
await finish();
