import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { useTempPromptsDir } from '../helpers/temp-prompts.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp } from '../helpers/test-app.js';

const prompts = useTempPromptsDir();

describe('plurals by rule (ICU message format)', () => {
  it('says "1 day", "2 days", "1 reflection", and never "(s)"', async () => {
    const { copy } = await loadContent();
    expect(copy('history.streakValue', { days: 1 })).toBe('1 day');
    expect(copy('history.streakValue', { days: 2 })).toBe('2 days');
    expect(copy('privacy.exported', { reflections: 1, checkins: 2, filename: 'f.json' })).toContain('(1 reflection, 2 check-ins)');
    expect(copy('digest.withheld.too-few', { respondents: 0, threshold: 5 })).toMatch(/^Nobody checked in this week\./);
    expect(copy('digest.withheld.too-few', { respondents: 1, threshold: 5 })).toMatch(/^Only one person checked in this week\./);
    expect(copy('digest.withheld.too-few', { respondents: 4, threshold: 5 })).toMatch(/^Only 4 people checked in this week\./);
    for (const file of ['checkin', 'core', 'mentoring', 'slack', 'teams', 'digest', 'conversation']) {
      expect(await readFile(path.join(prompts(), 'copy', `${file}.json`), 'utf8')).not.toMatch(/\w\(s\)/);
    }
  });

  it('the shell shows "Streak: 1 day" after a first check-in', async () => {
    const app = await makeTestApp();
    try {
      expect(await typeIntoShell(app, ['checkin 4 3 2', 'history'], 'alice')).toContain('Streak: 1 day\n');
    } finally {
      await app.cleanup();
    }
  });

  it('a malformed message stops start-up, naming the file and the key', async () => {
    const file = path.join(prompts(), 'copy', 'core.json');
    const json = JSON.parse(await readFile(file, 'utf8')) as { messages: Record<string, string> };
    json.messages['history.streakValue'] = '{days, plural, one {# day}';
    await writeFile(file, JSON.stringify(json));
    await expect(loadContent(prompts())).rejects.toThrow(/core\.json.*history\.streakValue is not valid ICU message format/s);
  });
});
