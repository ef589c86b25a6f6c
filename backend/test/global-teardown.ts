/** Jest globalTeardown: drops this run's test database and stops the embedded server if setup started one. */
import { dropTestDatabase, TEST_DATABASE_STATE, type TestDatabaseState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as Record<symbol, unknown>;
  const state = holder[TEST_DATABASE_STATE] as TestDatabaseState | undefined;
  if (!state) return;
  delete holder[TEST_DATABASE_STATE];
  try {
    await dropTestDatabase(state);
  } finally {
    await state.server.stop();
  }
}
