import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// `npm run lint`. typescript-eslint's strict set (without type information: it
// stays fast on a small machine), the rules of hooks, and import/no-cycle so the
// layers keep pointing one way (routes → modules → lib; jobs and the server on top).
export default tseslint.config(
  {
    ignores: [
      'build/',
      'public/build/',
      'node_modules/',
      'data/',
      '.cache/',
      'test-results/',
      'playwright-report/',
      'e2e/.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{js,ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'import/extensions': ['.js', '.ts', '.tsx'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      // `_`-prefixed names are deliberately unused (a loader's unused args, a skipped tuple slot).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // React hooks exist only in the app; elsewhere `use…` names are Playwright fixtures and test helpers.
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Kysely's documented migration signature is `Kysely<any>`: a migration must not
    // depend on today's Database type, and migrations are never edited once applied.
    files: ['db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // In tests a missing value fails the test at once, which is what `!` says there;
    // tests restore environment variables with `delete process.env[name]`.
    files: ['tests/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-dynamic-delete': 'off' },
  },
);
