import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { choosePrompt, NO_REPEAT_DAYS } from '../../src/features/reflection/rotation.js';
import { EI_COMPONENTS, type ServedPrompt } from '../../src/core/model/history.js';
import { addDays, daysBetween } from '../../src/core/time.js';

const content = await loadContent();
const library = content.reflections;

describe('the reflection library', () => {
  it('holds at least 120 prompts with every EI component represented evenly', () => {
    expect(library.length).toBeGreaterThanOrEqual(120);
    for (const c of EI_COMPONENTS) expect(library.filter((p) => p.component === c).length).toBeGreaterThanOrEqual(20);
  });
});

/** Simulates a person served daily for `days` days, with gaps, and returns what they got. */
function simulate(days: number, skip: Set<number>, seed: string, start = '2026-01-01'): ServedPrompt[] {
  const served: ServedPrompt[] = [];
  for (let d = 0; d < days; d++) {
    if (skip.has(d)) continue;
    const today = addDays(start, d);
    const p = choosePrompt(library, served, today, `${seed}:${today}`);
    served.push({ localDate: today, promptId: p.id, component: p.component, at: `${today}T09:30:00Z` });
  }
  return served;
}

describe('rotation', () => {
  it('never repeats a prompt within 60 days while unseen prompts remain (property over random histories)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.integer({ min: 0, max: 299 }), { maxLength: 120 }), fc.string({ maxLength: 8 }), (days, skips, seed) => {
        const served = simulate(days, new Set(skips), seed);
        for (let i = 0; i < served.length; i++) {
          const s = served[i]!;
          const cutoff = addDays(s.localDate, -NO_REPEAT_DAYS);
          const windowIds = new Set(served.slice(0, i).filter((p) => p.localDate > cutoff).map((p) => p.promptId));
          const unseenRemained = library.some((p) => !windowIds.has(p.id));
          if (unseenRemained) expect(windowIds.has(s.promptId)).toBe(false);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('never repeats within 60 days given an arbitrary prior history of served prompts', () => {
    const ids = library.map((p) => p.id);
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom(...ids), daysAgo: fc.integer({ min: 1, max: 200 }) }), { maxLength: 300 }),
        (history) => {
          const today = '2026-06-01';
          const served: ServedPrompt[] = history.map((h) => {
            const p = library.find((x) => x.id === h.id)!;
            return { localDate: addDays(today, -h.daysAgo), promptId: p.id, component: p.component, at: 'x' };
          });
          const recent = new Set(served.filter((s) => daysBetween(s.localDate, today) < NO_REPEAT_DAYS).map((s) => s.promptId));
          const chosen = choosePrompt(library, served, today, 'seed');
          if (library.some((p) => !recent.has(p.id))) expect(recent.has(chosen.id)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lets the five components take turns day after day', () => {
    const served = simulate(25, new Set(), 'turns');
    const first = EI_COMPONENTS.indexOf(served[0]!.component);
    served.forEach((s, i) => expect(s.component).toBe(EI_COMPONENTS[(first + i) % 5]));
  });

  it('serves every prompt once before any comes back when served daily', () => {
    const served = simulate(library.length, new Set(), 'all');
    expect(new Set(served.map((s) => s.promptId)).size).toBe(library.length);
  });
});
