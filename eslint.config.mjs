import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'dist/**',
      'demo-vault/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] } },
      'boundaries/elements': [
        { type: 'shared', pattern: 'src/shared' },
        { type: 'core', pattern: 'src/core' },
        { type: 'main', pattern: 'src/main' },
        { type: 'preload', pattern: 'src/preload' },
        { type: 'renderer', pattern: 'src/renderer' },
        { type: 'cli', pattern: 'src/cli' },
      ],
    },
    rules: {
      // The layers of architecture.md: who may import whom.
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
            {
              from: { element: { type: 'core' } },
              allow: { to: { element: { types: { anyOf: ['shared', 'core'] } } } },
            },
            {
              from: { element: { type: 'main' } },
              allow: { to: { element: { types: { anyOf: ['shared', 'core', 'main'] } } } },
            },
            {
              from: { element: { type: 'preload' } },
              allow: { to: { element: { types: { anyOf: ['shared', 'preload'] } } } },
            },
            {
              from: { element: { type: 'renderer' } },
              allow: { to: { element: { types: { anyOf: ['shared', 'renderer'] } } } },
            },
            {
              from: { element: { type: 'cli' } },
              allow: { to: { element: { types: { anyOf: ['shared', 'core', 'cli'] } } } },
            },
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer has no Node and no network: only window.sauga through api.ts.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', ...nodeBuiltins],
              message: 'The renderer has no Node access; go through window.sauga (api.ts).',
            },
            {
              group: ['electron', 'better-sqlite3*', '**/core/**', '**/main/**', '**/cli/**', '**/preload/**'],
              message: 'The renderer may import only src/shared and UI libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\.{1,2}/)', message: 'shared imports nothing but zod.' }] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*'],
              message: 'core is plain Node: no Electron, no React.',
            },
            {
              group: [
                'node:net',
                'node:http',
                'node:https',
                'node:http2',
                'node:dgram',
                'node:tls',
                'node:dns',
                'net',
                'http',
                'https',
                'http2',
                'dgram',
                'tls',
                'dns',
                'undici',
                'ws',
              ],
              message: 'The air gap is absolute: no sockets.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { 'no-console': 'off', 'boundaries/dependencies': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
