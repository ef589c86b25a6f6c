/**
 * API integration tests: the real NestJS app against a real PostgreSQL, called through the
 * generated SDK. globalSetup creates one fresh database for the run (starting an embedded
 * server when DATABASE_URL is unset) and globalTeardown drops it.
 */
module.exports = {
  displayName: 'backend-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The database, then the SDK package and the bw CLI (built once for the run).
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/../backend/test/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: {
    // The SDK's sources import each other as `./x.js` (valid Node ESM); here they are the .ts files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@bw/sdk$': '<rootDir>/../libs/sdk/src/index.ts',
    '^(#|@bw/)shared$': '<rootDir>/../libs/shared/src/index.ts',
    '^@bw/backend/(.*)$': '<rootDir>/../backend/src/$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  maxWorkers: 2,
};
