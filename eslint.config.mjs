import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const backendModules = ['identity', 'customers', 'tickets', 'macros', 'messaging'];

export default [
  {
    ignores: ['**/node_modules', '**/dist', '**/.nx', '**/.angular', '.data', 'libs/sdk/src/generated', 'frontend-e2e/artifacts', 'bench/results', 'coverage', 'tmp'],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:backend'], notDependOnLibsWithTags: ['type:sdk'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend', 'scope:frontend'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // A backend module is used by others only through its index.ts (its public surface).
  ...[...backendModules.map((name) => ({ own: name, files: [`backend/src/modules/${name}/**/*.ts`], ignores: [] })), { own: null, files: ['backend/src/**/*.ts'], ignores: ['backend/src/modules/**'] }].map(
    ({ own, files, ignores }) => ({
      files,
      ignores,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: backendModules
              .filter((name) => name !== own)
              .map((name) => ({
                regex: `(^|/)${name}/(api|application|domain)(/|$)`,
                message: `Import the ${name} module only through its index.ts.`,
              })),
          },
        ],
      },
    }),
  ),
  // The API tests boot the real backend in-process (to count queries and restart it).
  {
    files: ['backend-e2e/**/*.ts', 'reliability/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: ['@bw/backend/**', '@bw/testing/**'], depConstraints: [{ sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend', 'scope:frontend'] }] }],
    },
  },
  {
    files: ['**/*.spec.ts', 'backend-e2e/**/*.ts', 'backend/test/**/*.ts', 'reliability/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
];
