import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { useTempPromptsDir } from '../helpers/temp-prompts.js';

const promptsDir = useTempPromptsDir();

describe('prompts/checkin.json', () => {
  it('loads the words of every point of the three scales', async () => {
    const content = await loadContent(promptsDir());
    expect(content.checkin.mood.labels).toEqual({ 1: 'rough', 2: 'low', 3: 'okay', 4: 'good', 5: 'great' });
    expect(content.checkin.energy.labels[1]).toBe('drained');
    expect(content.checkin.energy.labels[5]).toBe('charged');
    expect(content.checkin.stress.labels[1]).toBe('calm');
    expect(content.checkin.stress.labels[5]).toBe('overwhelmed');
  });

  it('a missing word stops loading with a message naming the file and the field', async () => {
    const file = path.join(promptsDir(), 'checkin.json');
    const json = JSON.parse(await readFile(file, 'utf8')) as { scales: { stress: { labels: Record<string, string> } } };
    delete json.scales.stress.labels['4'];
    await writeFile(file, JSON.stringify(json));
    await expect(loadContent(promptsDir())).rejects.toThrow(`Attune cannot load ${file}: the field scales.stress.labels.4 is wrong:`);
  });
});
