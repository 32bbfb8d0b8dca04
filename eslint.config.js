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

// Storage engines live in src/store/<engine>/; the core's port (src/core/store/) is the only way to data.
const engineImports = {
  patterns: [
    ...platformImports.patterns,
    {
      regex: '^(\\.\\./)+(src/)?store(/|$)',
      message: 'Reach data through the store port (src/core/store/); engines belong to src/store/ and are chosen in src/store/open-store.ts.',
    },
  ],
};

const clockRules = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected Clock, not Date.now().' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected Clock, not new Date().' },
];

// The core and features decide by what an adapter declares (PlatformTraits), never by a platform's name,
// and receive people as references (PersonArg), never as a platform's mention syntax.
const PLATFORM_NAME = '/^(slack|discord|shell):?$/';
const platformChecks = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/] > Literal[value=${PLATFORM_NAME}]`, message: "Decide by the adapter's declared traits (PlatformTraits), not by a platform's name." },
  { selector: `SwitchCase > Literal[value=${PLATFORM_NAME}]`, message: "Decide by the adapter's declared traits (PlatformTraits), not by a platform's name." },
  { selector: `CallExpression[callee.property.name=/^(startsWith|endsWith|includes)$/] > Literal[value=${PLATFORM_NAME}]`, message: "Decide by the adapter's declared traits (PlatformTraits), not by a platform's name." },
  { selector: 'Literal[regex.pattern=/<@/]', message: 'Mentions are read by the adapters: the core and features get people (PersonArg), not <@...> syntax.' },
  { selector: 'Literal[value=/<@/]', message: 'Mentions are read by the adapters: the core and features get people (PersonArg), not <@...> syntax.' },
  { selector: 'TemplateElement[value.raw=/<@/]', message: 'Mentions are read by the adapters: the core and features get people (PersonArg), not <@...> syntax.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...clockRules],
    },
  },
  {
    files: ['src/core/**', 'src/features/**', 'commands/**', 'src/scheduler/**', 'src/store/**', 'src/content/**'],
    rules: { 'no-restricted-imports': ['error', platformImports] },
  },
  {
    files: ['src/core/**', 'src/features/**', 'commands/**', 'src/scheduler/**'],
    rules: { 'no-restricted-imports': ['error', engineImports] },
  },
  {
    files: ['src/core/**', 'src/features/**', 'commands/**', 'src/scheduler/**'],
    rules: { 'no-restricted-syntax': ['error', ...clockRules, ...platformChecks] },
  },
  {
    files: ['tests/**', 'bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
