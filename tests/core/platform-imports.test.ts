import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const PLATFORM_FREE = ['src/core', 'src/features', 'src/store', 'src/scheduler', 'src/content', 'commands'];
const FORBIDDEN = /from\s+['"](@slack\/[^'"]+|discord\.js|@discordjs\/[^'"]+|[^'"]*\/adapters\/[^'"]*)['"]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('platform knowledge stays in src/adapters', () => {
  it('no file of the core, features, store, scheduler, content or commands imports a platform SDK or an adapter', () => {
    const offenders = PLATFORM_FREE.flatMap((d) => files(path.join(root, d))).filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('the lint rule rejects such an import in a platform-free folder', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import { App } from '@slack/bolt';\nimport { x } from '../adapters/shell/render.js';\nexport const a = [App, x];\n", {
      filePath: path.join(root, 'src/features/example.ts'),
    });
    const messages = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    expect(messages).toEqual([
      "'@slack/bolt' import is restricted from being used by a pattern. Platform SDKs belong in src/adapters/<platform>/ only.",
      "'../adapters/shell/render.js' import is restricted from being used by a pattern. The core, features and commands must not depend on an adapter.",
    ]);
  });
});

describe('the core and features know no platform by name', () => {
  it('no file of the core, features, commands or scheduler checks a platform name or reads mention syntax (lint-clean)', { timeout: 120_000 }, async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['src/core', 'src/features', 'commands', 'src/scheduler'].map((d) => path.join(root, d)));
    const offending = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`));
    expect(offending).toEqual([]);
  });

  it('the lint rule rejects a platform-name check and mention syntax in a feature', { timeout: 60_000 }, async () => {
    const eslint = new ESLint({ cwd: root });
    const source = [
      "declare const id: string;",
      "export const a = id.split(':')[0] === 'discord';",
      "export const b = id.startsWith('slack:');",
      'export const c = /^<@([UW][A-Z0-9]+)>$/.test(id);',
      "export const d = `<@${id}>`;",
      '',
    ].join('\n');
    const [result] = await eslint.lintText(source, { filePath: path.join(root, 'src/features/example.ts') });
    const messages = result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${m.line}: ${m.message.split(':')[0]}`);
    expect(messages).toEqual([
      "2: Decide by the adapter's declared traits (PlatformTraits), not by a platform's name.",
      "3: Decide by the adapter's declared traits (PlatformTraits), not by a platform's name.",
      '4: Mentions are read by the adapters',
      '5: Mentions are read by the adapters',
    ]);
  });
});
