import type { Config } from 'jest';

// Unit tests for the app's logic (error mapping, XSRF, URL and form helpers, the signal stores'
// base classes). They run in plain Node without TestBed or a DOM. Angular's packages ship as ES
// modules only, so their `.mjs` files are turned into CommonJS by babel (cached by jest) for the
// tests that use signals.
const config: Config = {
  displayName: 'frontend',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    '^.+\\.mjs$': [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@angular/)'],
  // The shared library's and the SDK's sources, as the app's build compiles them (tsconfig.base.json's
  // paths); the SDK's files import each other as `./x.js` (Node ESM), here the .ts files.
  moduleNameMapper: {
    '^@bw/shared$': '<rootDir>/../libs/shared/src/index.ts',
    '^@bw/sdk$': '<rootDir>/../libs/sdk/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  coverageDirectory: '../coverage/frontend',
};

export default config;
