import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPromptsDir, loadContent } from '../../src/content/load-content.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-prompts-'));
  await cp(defaultPromptsDir(), dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('prompts/checkin.json', () => {
  it('loads the words of every point of the three scales', async () => {
    const content = await loadContent(dir);
    expect(content.checkin.mood.labels).toEqual({ 1: 'rough', 2: 'low', 3: 'okay', 4: 'good', 5: 'great' });
    expect(content.checkin.energy.labels[1]).toBe('drained');
    expect(content.checkin.energy.labels[5]).toBe('charged');
    expect(content.checkin.stress.labels[1]).toBe('calm');
    expect(content.checkin.stress.labels[5]).toBe('overwhelmed');
  });

  it('a missing word stops loading with a message naming the file and the field', async () => {
    const file = path.join(dir, 'checkin.json');
    const json = JSON.parse(await readFile(file, 'utf8')) as { scales: { stress: { labels: Record<string, string> } } };
    delete json.scales.stress.labels['4'];
    await writeFile(file, JSON.stringify(json));
    await expect(loadContent(dir)).rejects.toThrow(`Attune cannot load ${file}: the field scales.stress.labels.4 is wrong:`);
  });
});
