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
    // The digest never says how few checked in (issue 16); its approximate counts still follow the plural rule.
    expect(copy('digest.withheld.too-few', { threshold: 5 })).toMatch(/^Fewer than 5 people checked in this week\./);
    expect(copy('digest.themeItem', { term: 'deadlines', people: 1 })).toBe('deadlines (about 1 person)');
    expect(copy('digest.themeItem', { term: 'deadlines', people: 6 })).toBe('deadlines (about 6 people)');
    expect(copy('digest.participationValue', { respondents: 1, members: 1, percent: 100, change: '' })).toBe('about 1 of 1 person checked in (100%)');
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
