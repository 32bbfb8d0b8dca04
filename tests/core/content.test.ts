import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { useTempPromptsDir } from '../helpers/temp-prompts.js';

const promptsDir = useTempPromptsDir();

describe('wording files', () => {
  it('load and validate as shipped', async () => {
    const content = await loadContent(promptsDir());
    expect(content.copy('error.unknownCommand', { word: 'x' })).toBe('I don\'t know "x". Type /attune help to see what I can do.');
  });

  it('stop start-up naming the file and the field when a prompt is wrong', async () => {
    const file = path.join(promptsDir(), 'reflections.json');
    await writeFile(file, JSON.stringify({ version: 1, prompts: [{ id: 'sa-001', component: 'bravery', context: 'teamwork', text: 'What made you brave at work today, and what did it cost?' }] }));
    await expect(loadContent(promptsDir())).rejects.toThrow(`Attune cannot load ${file}: the field prompts.0.component is wrong`);
  });

  it('stop start-up when a copy key is defined in two files', async () => {
    await writeFile(path.join(promptsDir(), 'copy', 'zz-extra.json'), JSON.stringify({ version: 1, messages: { 'help.title': 'again' } }));
    await expect(loadContent(promptsDir())).rejects.toThrow('the key help.title is already defined in another copy file');
  });

  it('throw on a missing copy key or a missing placeholder value, so a typo cannot reach a person', async () => {
    const content = await loadContent(promptsDir());
    expect(() => content.copy('no.such.key')).toThrow('No copy for "no.such.key"');
    expect(() => content.copy('error.internal')).toThrow('Copy "error.internal" needs a value for {ref}');
  });
});
