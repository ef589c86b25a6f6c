import type { Config } from 'jest';

// Unit tests for the app's framework-free logic (error mapping, XSRF, URL and form helpers).
// They import no Angular code, so they run in plain Node without TestBed.
const config: Config = {
  displayName: 'frontend',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageDirectory: '../coverage/frontend',
};

export default config;
