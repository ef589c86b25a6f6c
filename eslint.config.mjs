import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const backendModules = ['identity', 'customers', 'tickets', 'macros', 'messaging', 'webhooks', 'stats'];
const frontendFeatures = [
  'identity',
  'customers',
  'tickets',
  'macros',
  'triggers',
  'webhooks',
  'messages',
  'api-tokens',
  'dashboard',
  'settings',
  'landing',
  'shell',
];
const frontendApp = 'frontend/src/app';
/** Output names that a native DOM event of the same name would also reach (it bubbles to the host). */
const nativeEventNames = [
  'abort',
  'animationend',
  'animationstart',
  'beforeinput',
  'blur',
  'cancel',
  'change',
  'click',
  'close',
  'contextmenu',
  'copy',
  'cut',
  'dblclick',
  'drag',
  'dragend',
  'dragenter',
  'dragleave',
  'dragover',
  'dragstart',
  'drop',
  'error',
  'focus',
  'focusin',
  'focusout',
  'input',
  'invalid',
  'keydown',
  'keypress',
  'keyup',
  'load',
  'mousedown',
  'mouseenter',
  'mouseleave',
  'mousemove',
  'mouseout',
  'mouseover',
  'mouseup',
  'paste',
  'pointercancel',
  'pointerdown',
  'pointerenter',
  'pointerleave',
  'pointermove',
  'pointerout',
  'pointerover',
  'pointerup',
  'reset',
  'resize',
  'scroll',
  'search',
  'select',
  'selectionchange',
  'submit',
  'toggle',
  'touchcancel',
  'touchend',
  'touchmove',
  'touchstart',
  'transitionend',
  'wheel',
];
const sdkMessage = 'Only data-access/ stores and core/ call the SDK; components get data from a store.';

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/.nx',
      '**/.angular',
      '.data',
      'libs/sdk/src/generated',
      'frontend-e2e/artifacts',
      'bench/results',
      'coverage',
      'tmp',
    ],
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
            // The backend may use libs/shared (`#shared`), never the SDK that is generated from it.
            {
              sourceTag: 'scope:backend',
              onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'],
              notDependOnLibsWithTags: ['type:sdk'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend', 'scope:frontend'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // A backend module is used by others only through its index.ts (its public surface).
  ...[
    ...backendModules.map((name) => ({ own: name, files: [`backend/src/modules/${name}/**/*.ts`], ignores: [] })),
    { own: null, files: ['backend/src/**/*.ts'], ignores: ['backend/src/modules/**'] },
  ].map(({ own, files, ignores }) => ({
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: backendModules
            .filter((name) => name !== own)
            .map((name) => ({
              regex: `(^|/)${name}/(api|application|domain|persistence)(/|$)`,
              message: `Import the ${name} module only through its index.ts.`,
            })),
        },
      ],
    },
  })),
  // A frontend feature is used by others (and by the app root) only through its index.ts; core/
  // and shared/ never import a feature. Static imports only: app.routes.ts lazy-loads each
  // feature's routes table with import(), which is where the app is split into chunks.
  ...[
    ...frontendFeatures.map((name) => ({ own: name, files: [`${frontendApp}/${name}/**/*.ts`] })),
    { own: null, files: [`${frontendApp}/*.ts`] },
  ].map(({ own, files }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: frontendFeatures
            .filter((name) => name !== own)
            .map((name) => ({
              regex: `(^|/)${name}/(?!index(\\.ts)?$)`,
              message: `Import the ${name} feature only through its index.ts.`,
            })),
        },
      ],
    },
  })),
  {
    files: [`${frontendApp}/core/**/*.ts`, `${frontendApp}/shared/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)(${frontendFeatures.join('|')})(/|$)`,
              message: 'core/ and shared/ serve every feature and import none.',
            },
          ],
        },
      ],
    },
  },
  // The SDK is called from data-access/ stores and core/ only. shared/ may name its types.
  {
    files: ['frontend/src/**/*.ts'],
    ignores: [`${frontendApp}/core/**`, `${frontendApp}/**/data-access/**`, `${frontendApp}/shared/**`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@bw/sdk', message: sdkMessage }],
          patterns: [{ group: ['@bw/sdk/*'], message: sdkMessage }],
        },
      ],
    },
  },
  {
    files: [`${frontendApp}/shared/**/*.ts`],
    ignores: [`${frontendApp}/shared/ui/**`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@bw/sdk', message: sdkMessage, allowTypeImports: true }],
          patterns: [{ group: ['@bw/sdk/*'], message: sdkMessage }],
        },
      ],
    },
  },
  {
    files: [`${frontendApp}/shared/ui/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@bw/sdk', message: sdkMessage }],
          patterns: [{ group: ['@bw/sdk/*'], message: sdkMessage }],
        },
      ],
    },
  },
  // An output named like a native DOM event also fires for that event bubbling out of the
  // template (an <input type="search"> in a component with a `search` output searched for
  // "[object Event]"). Name outputs after what they mean: `queryChange`, `submitted`, …
  {
    files: [`${frontendApp}/**/*.ts`],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `PropertyDefinition[key.name=/^(${nativeEventNames.join('|')})$/] > CallExpression.value[callee.name=/^(output|outputFromObservable)$/]`,
          message:
            'This output shares its name with a native DOM event; rename it (e.g. queryChange, submitted, activeChange).',
        },
      ],
    },
  },
  // The API tests boot the real backend in-process (to count queries and restart it).
  {
    files: ['backend-e2e/**/*.ts', 'reliability/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: ['@bw/backend/**', '@bw/testing/**'],
          depConstraints: [
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend', 'scope:frontend'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'backend-e2e/**/*.ts', 'backend/test/**/*.ts', 'reliability/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
];
