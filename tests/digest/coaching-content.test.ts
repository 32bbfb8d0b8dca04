import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../src/content/coaching-tips.js';
import { defaultPromptsDir, loadContent } from '../../src/content/load-content.js';

describe('coaching tips (prompts/coaching.json)', () => {
  it('has at least three tips for every signal, loaded into Content', async () => {
    const content = await loadContent();
    for (const s of SIGNALS) expect(content.coaching.filter((t) => t.signal === s).length).toBeGreaterThanOrEqual(3);
  });

  it('words every tip for the week ahead, not "today", and covers contact-centre realities', async () => {
    const { coaching } = await loadContent();
    for (const t of coaching) expect(t.text, t.id).not.toMatch(/\btoday\b|\btomorrow\b/i);
    const all = coaching.map((t) => t.text).join('\n');
    expect(all).toMatch(/escalation/);
    expect(all).toMatch(/after (hard|an abusive)/);
    expect(coaching.filter((t) => /week ahead|next week|this week/i.test(t.text)).length).toBeGreaterThanOrEqual(10);
  });

  it('stops start-up naming the file and the problem when a signal has fewer than three tips', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'attune-prompts-'));
    try {
      await cp(defaultPromptsDir(), dir, { recursive: true });
      const file = path.join(dir, 'coaching.json');
      const data = JSON.parse(await readFile(file, 'utf8')) as { tips: Array<{ signal: string }> };
      const firstBad = data.tips.findIndex((t) => t.signal === 'bad-days');
      data.tips = data.tips.filter((t, i) => t.signal !== 'bad-days' || i === firstBad);
      await writeFile(file, JSON.stringify(data));
      await expect(loadContent(dir)).rejects.toThrow(`Attune cannot load ${file}: the field tips is wrong: the signal bad-days has 1 tips; it needs at least 3. Fix the file and start again.`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the field of a tip with an unknown EI component', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'attune-prompts-'));
    try {
      await cp(defaultPromptsDir(), dir, { recursive: true });
      const file = path.join(dir, 'coaching.json');
      const data = JSON.parse(await readFile(file, 'utf8')) as { tips: Array<{ component: string }> };
      data.tips[2]!.component = 'charisma';
      await writeFile(file, JSON.stringify(data));
      await expect(loadContent(dir)).rejects.toThrow(/coaching\.json: the field tips\.2\.component is wrong/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
