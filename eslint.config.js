// Lint is where the architecture is enforced: layer boundaries, a headless and deterministic core,
// and test hygiene. Each rule's message says why it exists.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import kubeplay, { LAYERS } from './scripts/eslint/layers.js';

const headlessImports = [
  { regex: '^(react|react-dom|zustand|@xyflow/.*|@xterm/.*)(/.*)?$', message: 'The core is headless: no UI libraries below src/store.' },
];

export default defineConfig([
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No export *: say what a module exports.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { kubeplay },
    rules: { 'kubeplay/layers': 'error' },
  },
  {
    files: LAYERS.slice(0, 3).map((layer) => `src/${layer}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', { patterns: headlessImports }] },
  },
  {
    files: ['src/engine/**/*.ts', 'src/shell/**/*.ts', 'src/lessons/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'queueMicrotask', 'performance', 'window', 'document', 'localStorage', 'fetch'].map((name) => ({
          name, message: 'The core is deterministic and headless: time goes through the engine clock, I/O through the store.',
        })),
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the engine clock (world.clock.now()): the same seed must give the same world.' },
        { object: 'Math', property: 'random', message: 'Use the seeded Random (world.random.fork(...)): the same seed must give the same world.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: 'ExportAllDeclaration', message: 'No export *: say what a module exports.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads real time: derive dates from the engine clock.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/store/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error',
        ...['it', 'test', 'describe'].map((object) => ({ object, property: 'only', message: '.only silently skips the rest of the suite.' })),
        { object: 'page', property: 'waitForTimeout', message: 'Wait for a condition, not a duration: timed waits make flaky tests.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'e2e/**/*.ts', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
]);
