// Lint enforces the process boundaries (see README "Architecture"):
//   shared/, db/ and the plain-Node main side never import electron, React or the DOM;
//   renderer/ never imports Node builtins, db/ or electron/;
//   only electron/main and electron/preload may import 'electron'.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [...new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))];
const electronImport = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };
const uiPatterns = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'lexical', '@lexical/*'], message: 'UI libraries belong to renderer/.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.dist-staging/**', 'node_modules/**', '.native/**', 'test-results/**', 'playwright-report/**', '.scratch/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in every process: no Node builtins.' }))], patterns: uiPatterns }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['db/**/*.ts', 'electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport], patterns: [...uiPatterns, { group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Plain-Node code cannot depend on the renderer or Electron layers.' }] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator'],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport], patterns: [...uiPatterns, { group: ['**/electron/**', '**/renderer/**'], message: 'db/ is the store: it depends only on shared/.' }] },
      ],
    },
  },
  {
    // One connection factory: every better-sqlite3 connection opens through db/connection.ts's openConnection,
    // which applies the native build the process configured (the Electron app's differs from Node's).
    files: ['db/**/*.ts', 'electron/**/*.ts'],
    ignores: ['db/connection.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Database']", message: 'Open connections with openConnection (db/connection.ts): it applies the configured native build.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, 'better-sqlite3', ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is a sandboxed web page: no Node builtins.' }))],
          patterns: [{ group: ['**/db/**', '**/electron/**', 'jsdom', 'better-sqlite3'], message: 'The renderer talks to the main process only through window.dossier (shared/contract).' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, message: 'The sandboxed preload has no Node builtins.' })), patterns: uiPatterns }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // No import cycles (import-x skips `import type`, erased at run time): a cycle makes load order matter and hides which module owns a rule.
    // Break one by moving what both sides need into a module that depends on neither (or on both, above them).
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // React's rules of hooks over the renderer (#12): hooks run unconditionally and effects declare what they read.
  // (The plugin's React Compiler rules, set-state-in-effect and refs, still flag older components: not on yet.)
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
