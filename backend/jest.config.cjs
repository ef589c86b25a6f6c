/** Unit specs of the backend: pure logic, no database. */
module.exports = {
  displayName: 'backend',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  // The shared library's sources (at run time `#shared` is its build in dist/libs/shared).
  moduleNameMapper: { '^#shared$': '<rootDir>/../libs/shared/src/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
