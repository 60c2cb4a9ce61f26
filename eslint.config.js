// ESLint: the recommended JavaScript and TypeScript rules, plus the rules that keep the architecture's
// import direction (README「结构 · How it is built」):
//   lib/engine  → nothing of the app, the store, the UI, the entry points or the CLI
//   lib         → no browser API and no database (wxt/browser, webextension-polyfill, dexie), no store/UI/entry points
//   store       → no UI, entry points or CLI
//   components  → not store/db (they read through data hooks)
//   everywhere  → no import cycles
// Folders are checked with import-x/no-restricted-paths, which resolves each import (relative or `@/`)
// to a file before comparing, so `../app/x` and `@/lib/app/x` are caught alike; packages by name with
// no-restricted-imports. test/lint/boundaries.test.ts shows that each rule fires.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Where the pure engine must not reach. */
const NOT_FOR_ENGINE = ['./lib/app', './store', './components', './entrypoints', './cli', './bench', './scripts', './test'];
/** Where no lib/ module may reach (lib/app included): browser glue, storage and UI. */
const NOT_FOR_LIB = ['./store', './components', './entrypoints', './cli', './bench', './scripts', './test'];
/** `#imports` is WXT's auto-import module: it re-exports `browser` and `storage`. */
const BROWSER_AND_DB = ['wxt/browser', 'webextension-polyfill', '@wxt-dev/webextension-polyfill', 'dexie', '#imports'];
const PURE_LIB = 'lib/ 不使用浏览器 API 或数据库 / lib/ uses no browser API and no database.';

export default defineConfig(
  { ignores: ['.output/', '.wxt/', '.ci/', 'node_modules/', 'artifacts/', 'scratch/', 'test/fixtures/', 'stats.html'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './lib/engine', from: NOT_FOR_ENGINE, message: '引擎（lib/engine）不得依赖应用层 / the engine imports nothing of the app.' },
            { target: './lib', from: NOT_FOR_LIB, message: 'lib/ 保持纯逻辑 / lib/ stays pure: no store, UI or entry points.' },
            { target: './store', from: ['./components', './entrypoints', './cli'], message: 'store/ 不依赖界面 / the store imports no UI or entry point.' },
            { target: './components', from: './store/db.ts', message: '组件通过数据 hook 读取 / components read through data hooks, not store/db.' },
          ],
        },
      ],
      // Destructuring stays one `let` when one of its names is reassigned (parse/report.ts).
      'prefer-const': ['error', { destructuring: 'all' }],
      // Chinese text legitimately holds full-width spaces (U+3000), in templates and JSX too.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true }],
      // `_name` marks what is left out on purpose (`const { type: _type, ...rest } = req`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: BROWSER_AND_DB.map((name) => ({ name, message: PURE_LIB })),
          patterns: [{ group: ['dexie/*', 'wxt/browser/*', 'webextension-polyfill/*'], message: PURE_LIB }],
        },
      ],
      // WXT auto-imports `browser` and `storage`: used bare, they would pass the import rule above.
      'no-restricted-globals': ['error', ...['browser', 'chrome', 'storage'].map((name) => ({ name, message: PURE_LIB }))],
    },
  },
);
