import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Platform SDKs and adapters may only be imported from src/adapters (and main.ts, which wires them).
const platformImports = {
  patterns: [
    { group: ['@slack/*', 'discord.js', '@discordjs/*'], message: 'Platform SDKs belong in src/adapters/<platform>/ only.' },
    { group: ['**/adapters/**', '**/adapters'], message: 'The core, features and commands must not depend on an adapter.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected Clock, not Date.now().' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected Clock, not new Date().' },
      ],
    },
  },
  {
    files: ['src/core/**', 'src/features/**', 'commands/**', 'src/scheduler/**', 'src/store/**', 'src/content/**'],
    rules: { 'no-restricted-imports': ['error', platformImports] },
  },
  {
    files: ['tests/**', 'bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
