/**
 * Reliability and security tests (issue #6): contract fuzzing, the authorization matrix, session
 * security, crash/database/handler faults, two instances, and a soak. Same harness as backend-e2e:
 * one fresh migrated database per run (globalSetup), the real app in-process or in child processes.
 *
 * CI mode by default; RELIABILITY_MODE=long for the long runs (see docs/reliability.md).
 */
module.exports = {
  displayName: 'reliability',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  globalSetup: '<rootDir>/../backend/test/global-setup.ts',
  globalTeardown: '<rootDir>/../backend/test/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: {
    // The SDK's sources import each other as `./x.js` (valid Node ESM); here they are the .ts files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@bw/sdk$': '<rootDir>/../libs/sdk/src/index.ts',
    '^(#|@bw/)shared$': '<rootDir>/../libs/shared/src/index.ts',
    '^@bw/backend/(.*)$': '<rootDir>/../backend/src/$1',
    '^@bw/testing/(.*)$': '<rootDir>/../backend-e2e/src/support/$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  // Two cores: the child-server specs are CPU-heavy while they boot; one file at a time keeps
  // the soak's latency and memory figures honest.
  maxWorkers: 1,
  // The results are in once the last file ends: a handle some failed spec left open (a child's
  // pipe, a client's retry loop) must not keep CI waiting for its time limit.
  forceExit: true,
};
