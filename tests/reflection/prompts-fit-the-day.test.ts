import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { PersonSchema } from '../../src/core/model/person.js';

const { reflections } = await loadContent();
const texts = reflections.map((p) => p.text);

/** Words that ask about a part of the day still to come when the prompt arrives in the morning. */
const NOT_YET = [
  /\btoday\b/i, // allowed only as "yesterday or today", removed below
  /\btonight\b/i,
  /\bthis (afternoon|evening)\b/i,
  /\blater (today|on today)\b/i,
  /\bend of (the|your) (day|shift|week)\b/i,
  /\bbefore you (leave|log off|go home|finish)\b/i,
  /\bthis week\b/i,
  /\bso far\b.*\btoday\b/i,
];

describe('reflection prompts fit the time they are sent', () => {
  it('the default prompt time is still the morning (09:30), which the checks below assume', () => {
    expect(PersonSchema.parse({ id: 'shell:x', workspace: 'shell', name: 'x', createdAt: '2026-01-01T00:00:00.000Z' }).promptTime).toBe('09:30');
  });

  it('no prompt asks about something that has not happened yet at 09:30 ("today" only as "yesterday or today")', () => {
    const offending = texts.filter((t) => NOT_YET.some((re) => re.test(t.replace(/yesterday or today/gi, 'recently'))));
    expect(offending).toEqual([]);
  });

  it('at least half of the prompts are about customer work', () => {
    const customer = reflections.filter((p) => p.context === 'customer-interaction').length;
    expect(customer / reflections.length).toBeGreaterThanOrEqual(0.5);
  });

  it('customer prompts cover phone, chat and email, validating phrases, follow-up after a resolution, distressed and abusive customers', () => {
    const customer = reflections.filter((p) => p.context === 'customer-interaction').map((p) => p.text.toLowerCase());
    const count = (re: RegExp) => customer.filter((t) => re.test(t)).length;
    expect(count(/\b(phone|call)\b/)).toBeGreaterThanOrEqual(3);
    expect(count(/\bchats?\b/)).toBeGreaterThanOrEqual(3);
    expect(count(/\bemail\b/)).toBeGreaterThanOrEqual(3);
    expect(count(/validat|acknowledg|feel heard|i can see why/)).toBeGreaterThanOrEqual(3);
    expect(count(/follow(ed)?[- ]up/)).toBeGreaterThanOrEqual(3);
    expect(count(/distressed|upset|in tears|anxious/)).toBeGreaterThanOrEqual(3);
    expect(count(/abusive|rude/)).toBeGreaterThanOrEqual(3);
  });

  it('openings vary: no first two words start more than 10% of prompts', () => {
    const openings = new Map<string, number>();
    for (const t of texts) {
      const opening = (t.toLowerCase().match(/[\p{L}']+/gu) ?? []).slice(0, 2).join(' ');
      openings.set(opening, (openings.get(opening) ?? 0) + 1);
    }
    const tooCommon = [...openings].filter(([, n]) => n > reflections.length * 0.1);
    expect(tooCommon).toEqual([]);
    expect(texts.filter((t) => /^When (a|you)\b/.test(t)).length).toBeLessThanOrEqual(reflections.length * 0.1);
  });

  it('keeps 125 prompts, 25 per EI component', () => {
    expect(reflections).toHaveLength(125);
    for (const c of ['self-awareness', 'self-regulation', 'motivation', 'empathy', 'social-skills']) expect(reflections.filter((p) => p.component === c)).toHaveLength(25);
  });
});
