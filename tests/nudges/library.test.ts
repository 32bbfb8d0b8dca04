import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPromptsDir, loadContent } from '../../src/content/load-content.js';
import { NUDGE_TECHNIQUES } from '../../src/content/nudges.js';
import { ContentError } from '../../src/content/content-error.js';

async function withBrokenNudges(change: (file: { version: number; nudges: Array<Record<string, unknown>> }) => void): Promise<unknown> {
  const dir = await mkdtemp(path.join(tmpdir(), 'attune-prompts-'));
  try {
    await cp(defaultPromptsDir(), dir, { recursive: true });
    const file = JSON.parse(await readFile(path.join(dir, 'nudges.json'), 'utf8'));
    change(file);
    await writeFile(path.join(dir, 'nudges.json'), JSON.stringify(file));
    return await loadContent(dir).then(
      () => undefined,
      (err: unknown) => err,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the nudge library', () => {
  it('holds at least 40 nudges over all seven techniques, each with steps, minutes and an EI component', async () => {
    const { nudges } = await loadContent();
    expect(nudges.length).toBeGreaterThanOrEqual(40);
    const techniques = new Set(nudges.map((n) => n.technique));
    expect([...techniques].sort()).toEqual([...NUDGE_TECHNIQUES].sort());
    for (const technique of NUDGE_TECHNIQUES) expect(nudges.filter((n) => n.technique === technique).length).toBeGreaterThanOrEqual(5);
    for (const n of nudges) {
      expect(n.steps.length).toBeGreaterThanOrEqual(3);
      expect(n.minutes).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(nudges.map((n) => n.id)).size).toBe(nudges.length);
    expect(nudges.find((n) => n.id === 'br-01')?.title).toBe('Box breathing');
    expect(nudges.find((n) => n.id === 'br-02')?.title).toBe('4-7-8 breathing');
    expect(nudges.find((n) => n.id === 'gr-01')?.title).toBe('5-4-3-2-1 grounding');
  });

  it('stops start-up naming the file and the field when a nudge has no steps', async () => {
    const err = await withBrokenNudges((f) => {
      delete f.nudges[3]!.steps;
    });
    expect(err).toBeInstanceOf(ContentError);
    expect((err as Error).message).toMatch(/nudges\.json: the field nudges\.3\.steps is wrong/);
  });

  it('refuses a technique it does not know, naming the field', async () => {
    const err = await withBrokenNudges((f) => {
      f.nudges[0]!.technique = 'napping';
    });
    expect((err as Error).message).toMatch(/nudges\.json: the field nudges\.0\.technique is wrong/);
  });

  it('refuses a duplicate id', async () => {
    const err = await withBrokenNudges((f) => {
      f.nudges[5]!.id = f.nudges[0]!.id;
    });
    expect((err as Error).message).toMatch(/the field nudges\.5\.id is wrong: duplicate id br-01/);
  });

  it('refuses a library of fewer than 40 nudges', async () => {
    const err = await withBrokenNudges((f) => {
      f.nudges = f.nudges.slice(0, 39);
    });
    expect((err as Error).message).toMatch(/the field nudges is wrong: at least 40 nudges/);
  });

  it('refuses a library covering fewer than six techniques', async () => {
    const err = await withBrokenNudges((f) => {
      for (const n of f.nudges) if (n.technique === 'gratitude' || n.technique === 'reframing') n.technique = 'breathing';
    });
    expect((err as Error).message).toMatch(/nudges cover 5 techniques; at least 6 are needed/);
  });
});
