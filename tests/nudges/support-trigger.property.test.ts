import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn } from '../../src/core/model/history.js';
import { addDays, daysBetween } from '../../src/core/time.js';
import { supportDue } from '../../src/features/nudges/stretch.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { blocksText, checkInConfirmed } from './helpers.js';

/** A check-in sequence: gaps of 1-4 days between answers, any scores. */
const sequence = fc.array(
  fc.record({ gap: fc.integer({ min: 1, max: 4 }), mood: fc.integer({ min: 1, max: 5 }), energy: fc.integer({ min: 1, max: 5 }), stress: fc.integer({ min: 1, max: 5 }) }),
  { minLength: 1, maxLength: 20 },
);

type Answer = { date: string; mood: number; energy: number; stress: number };

function dated(steps: Array<{ gap: number; mood: number; energy: number; stress: number }>): Answer[] {
  let date = '2026-03-01';
  return steps.map(({ gap, ...scores }) => {
    date = addDays(date, gap);
    return { date, ...scores };
  });
}

/** The rule, restated plainly: 3 of the last 4 at mood <= 2, or stress 5 at least twice within the last 7 days. */
function hardAt(answers: Answer[], i: number): boolean {
  const lastFour = answers.slice(Math.max(0, i - 3), i + 1);
  if (lastFour.filter((a) => a.mood <= 2).length >= 3) return true;
  const week = answers.slice(0, i + 1).filter((a) => daysBetween(a.date, answers[i]!.date) <= 6);
  return week.filter((a) => a.stress === 5).length >= 2;
}

/** Where the support message must show: the first check-in of each hard stretch, and nowhere else. */
const expected = (answers: Answer[]) => answers.map((_, i) => hardAt(answers, i) && (i === 0 || !hardAt(answers, i - 1)));

const asCheckIns = (answers: Answer[]): CheckIn[] =>
  answers.map((a, i) => ({ id: `c${i}`, personId: 'p', at: `${a.date}T12:00:00.000Z`, localDate: a.date, mood: a.mood, energy: a.energy, stress: a.stress, shareNote: false, teams: [], custom: {} }));

describe('the support trigger against random check-in sequences', () => {
  it('shows exactly at the first check-in of each sustained hard stretch (the rule)', () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const answers = dated(steps);
        const checkIns = asCheckIns(answers);
        let shownFor: string | undefined;
        const shown = answers.map((_, i) => {
          const due = supportDue(checkIns.slice(0, i + 1), shownFor);
          if (due) shownFor = due;
          return due !== undefined;
        });
        expect(shown).toEqual(expected(answers));
      }),
      { numRuns: 500 },
    );
  });

  describe('through the check-in confirmation', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await makeTestApp();
    });
    afterAll(async () => {
      await app.cleanup();
    });

    it('shows it then, first and with nothing to answer, and never otherwise', async () => {
      let person = 0;
      await fc.assert(
        fc.asyncProperty(sequence, async (steps) => {
          const name = `p${person++}`;
          const answers = dated(steps);
          const want = expected(answers);
          for (let i = 0; i < answers.length; i++) {
            const { date, ...scores } = answers[i]!;
            const reply = await checkInConfirmed(app, name, date, scores);
            const shown = blocksText(reply.blocks).includes('Checking in on you');
            expect(shown).toBe(want[i]);
            if (shown) {
              expect(reply.blocks[0]).toMatchObject({ type: 'text', style: 'heading', text: 'Checking in on you' });
              expect(reply.blocks.filter((b) => b.type === 'choice' || b.type === 'form' || b.type === 'scale')).toEqual([]);
            }
          }
        }),
        { numRuns: 25 },
      );
    });
  });
});
