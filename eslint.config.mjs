// ESLint (flat config) with typescript-eslint: `npm run lint`, in CI after the typecheck. The project's
// own rules ride along where a linter can hold them: vscode only in the extension and the webview, no
// default exports. The floors between folders are checked by test/unit/floors.test.mjs.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'media/sidebar.js', 'node_modules/**', '.bench/**', 'test/fixtures/**', 'test-artifacts/**', 'out/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused arguments named with a leading _ are there for a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'No default exports: name what a module exports.' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/extension/**', 'src/webview/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'vscode is imported only in src/extension/ and src/webview/.' }] }],
    },
  },
  { files: ['src/webview/**/*.ts'], languageOptions: { globals: globals.browser } },
  { files: ['**/*.mjs', '**/*.cjs', '**/*.js'], languageOptions: { globals: globals.node } },
  // CommonJS is written with require().
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // The config files themselves are what their tools import by default.
    files: ['eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
