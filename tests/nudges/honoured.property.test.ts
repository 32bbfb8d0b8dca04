import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/core/reply.js';
import { addDays, daysBetween } from '../../src/core/time.js';
import { nudgeWithDailyPrompt } from '../../src/features/nudges/prompt-extra.js';
import { dailyNudgeJob } from '../../src/scheduler/jobs/daily-nudge.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkInWithHook, nudgeIdIn } from './helpers.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
});
afterAll(async () => {
  await app.cleanup();
});

const score = fc.integer({ min: 1, max: 5 });
const command = fc.oneof(
  fc.constant(undefined),
  fc.constant('nudge off'),
  fc.constant('nudge on'),
  fc.constant('nudge now'),
  fc.integer({ min: 1, max: 5 }).map((n) => `nudge snooze ${n}`),
);
const day = fc.record({
  command,
  checkIn: fc.option(fc.record({ mood: score, energy: score, stress: score }), { nil: undefined }),
});
const plan = fc.record({ daily: fc.boolean(), days: fc.array(day, { minLength: 1, maxLength: 14 }) });

const START = '2026-03-02';
let runs = 0;
/** So the property cannot pass vacuously: nudges were started, and quiet days were checked. */
const seen = { nudges: 0, quietDays: 0 };

describe('snooze and off always win over nudges Attune starts', () => {
  it('over random days of check-ins and settings: nothing unrequested while off or snoozed, at most 1 a day and 3 in 7 days', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async ({ daily, days }) => {
        const name = `p${++runs}`;
        app.clock.set(`${START}T06:00:00Z`);
        await run(app, name, daily ? 'nudge daily 10:00' : 'help');
        let off = false;
        let snoozedUntil: string | undefined;
        const unrequested: string[] = [];
        for (let i = 0; i < days.length; i++) {
          const date = addDays(START, i);
          const { command, checkIn } = days[i]!;
          app.clock.set(`${date}T07:00:00Z`);
          if (command) {
            const reply = await run(app, name, command);
            if (command === 'nudge off') off = true;
            if (command === 'nudge on') [off, snoozedUntil] = [false, undefined];
            if (command.startsWith('nudge snooze')) snoozedUntil = addDays(date, Number(command.split(' ')[2]) - 1);
            if (command === 'nudge now') expect(nudgeIdIn(reply.blocks)).toBeDefined();
          }
          const quiet = off || (snoozedUntil !== undefined && date <= snoozedUntil);
          const got: Block[][] = [];

          app.clock.set(`${date}T09:30:00Z`);
          got.push(await nudgeWithDailyPrompt(app, (await app.store.people.get(`shell:${name}`))!, date));
          app.clock.set(`${date}T10:00:00Z`);
          for (const occ of await dailyNudgeJob.occurrences(app, { from: new Date(`${date}T09:59:00Z`), to: new Date(`${date}T10:00:00Z`) })) {
            if (occ.personId !== `shell:${name}`) continue;
            const reply = await dailyNudgeJob.what(app, occ);
            if (reply) got.push(reply.blocks);
          }
          if (checkIn) {
            app.clock.set(`${date}T12:00:00Z`);
            got.push(await checkInWithHook(app, name, date, checkIn));
          }
          const nudgesToday = got.filter((blocks) => nudgeIdIn(blocks) !== undefined).length;
          if (quiet) {
            seen.quietDays++;
            expect(nudgesToday).toBe(0);
          }
          seen.nudges += nudgesToday;
          expect(nudgesToday).toBeLessThanOrEqual(1);
          for (let n = 0; n < nudgesToday; n++) unrequested.push(date);
          expect(unrequested.filter((d) => daysBetween(d, date) < 7).length).toBeLessThanOrEqual(3);
        }
      }),
      { numRuns: 40 },
    );
    expect(seen.nudges).toBeGreaterThan(0);
    expect(seen.quietDays).toBeGreaterThan(0);
  }, 120_000);
});
