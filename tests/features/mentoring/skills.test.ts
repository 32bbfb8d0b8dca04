import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type Content } from '../../../src/content/load-content.js';
import { skillsIn } from '../../../src/features/mentoring/skills.js';
import { MentoringFileSchema } from '../../../src/content/mentoring-library.js';
import { EI_COMPONENTS } from '../../../src/core/model/history.js';

let content: Content;
beforeAll(async () => {
  content = await loadContent();
});

describe('mapping free text to skill tags', () => {
  it.each([
    ['staying calm with angry customers', ['self-regulation', 'de-escalation']],
    ['Giving feedback', ['giving-feedback']],
    ['getting better at receiving feedback without getting defensive', ['receiving-feedback']],
    ['listening to people, and saying no to extra work', ['active-listening', 'saying-no']],
    ['prioritising when my workload explodes', ['managing-workload']],
    ['EMPATHY', ['empathy']],
    ['juggling', []],
  ])('"%s" maps to %j', (text, tags) => {
    expect(skillsIn(text, content.mentoring.skills)).toEqual(tags);
  });
});

describe('the mentoring library', () => {
  it('covers the five EI components and gives every skill at least three starters', () => {
    const ids = content.mentoring.skills.map((s) => s.id);
    for (const c of EI_COMPONENTS) expect(ids).toContain(c);
    for (const s of content.mentoring.skills) expect(s.starters.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects a skill with two starters, naming the field', () => {
    const bad = { version: 1, skills: [{ id: 'x-skill', label: 'X skill', keywords: ['xx'], starters: ['one starter here', 'two starter here'] }], pairStarters: ['a question for you?'] };
    const result = MentoringFileSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['skills', 0, 'starters']);
  });
});
