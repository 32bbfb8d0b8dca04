import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../../helpers/test-app.js';
import { advanceMentoring, loadOf } from '../../../src/features/mentoring/mentor-flow.js';
import { runDueRounds } from '../../../src/features/mentoring/rounds.js';
import { addDays } from '../../../src/core/time.js';
import { mentoringOf } from '../../helpers/seed.js';

const SKILLS = ['giving feedback', 'active listening', 'handling stress'];
const HOUR = 3_600_000;

async function checkCapacity(app: TestApp) {
  const m = await mentoringOf(app.store);
  const load = loadOf(m);
  const active = new Map<string, number>();
  for (const x of Object.values(m.matches)) if (x.status === 'active') active.set(x.mentorId, (active.get(x.mentorId) ?? 0) + 1);
  for (const profile of Object.values(m.profiles)) {
    expect(active.get(profile.personId) ?? 0).toBeLessThanOrEqual(profile.capacity);
    expect(load.get(profile.personId) ?? 0).toBeLessThanOrEqual(profile.capacity);
  }
  for (const x of Object.values(m.matches)) expect(x.mentorId).not.toBe(x.menteeId);
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('offer' as const), who: fc.integer({ min: 0, max: 5 }), skill: fc.integer({ min: 0, max: 2 }), capacity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('request' as const), who: fc.integer({ min: 0, max: 5 }), skill: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('answer' as const), accept: fc.boolean() }),
  fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('end' as const) }),
);

describe('mentor matching through the store, properties over random sequences', () => {
  it('a mentor\'s places (mentees plus open invitations) never exceed their capacity, and nobody mentors themselves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const app = await makeTestApp();
        try {
          for (const o of ops) {
            const m = await mentoringOf(app.store);
            if (o.kind === 'offer') await run(app, `p${o.who}`, `mentor offer ${SKILLS[o.skill]} capacity ${o.capacity}`);
            if (o.kind === 'request') await run(app, `p${o.who}`, `mentor request ${SKILLS[o.skill]}`);
            if (o.kind === 'answer') {
              const inv = Object.values(m.invitations).find((i) => i.status === 'pending');
              if (inv) await act(app, inv.mentorId.slice(6), 'mentor request', 'answer', { value: `${o.accept ? 'accept' : 'decline'}:${inv.id}` });
            }
            if (o.kind === 'wait') {
              app.clock.advance(o.hours * HOUR);
              await advanceMentoring(app, app.clock.now());
            }
            if (o.kind === 'end') {
              const x = Object.values(m.matches).find((y) => y.status === 'active');
              if (x) await act(app, x.menteeId.slice(6), 'mentor status', 'met', { value: `${x.id}:end` });
            }
            (await checkCapacity(app));
          }
        } finally {
          await app.cleanup();
        }
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe('pairing rounds through the store, properties over random pools and 20 rounds', () => {
  it('each round groups exactly the joined, unpaused people: nobody left out, paused and opted-out never grouped', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const change = fc.record({ who: fc.integer({ min: 0, max: names.length - 1 }), what: fc.constantFrom('join', 'leave', 'pause', 'none') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(change, { maxLength: 3 }), { minLength: 20, maxLength: 20 }), async (rounds) => {
        const app = await makeTestApp();
        try {
          // The test's own model of who is in and who is paused until when.
          const joined = new Set<string>();
          const pausedUntil = new Map<string, string>();
          for (const n of names.slice(0, 4)) {
            await run(app, n, 'pairs join');
            joined.add(n);
          }
          let slot = '2026-03-09';
          app.clock.set(new Date(`${addDays(slot, -3)}T12:00:00Z`));
          for (const changes of rounds) {
            for (const c of changes) {
              const n = names[c.who]!;
              if (c.what === 'join') {
                await run(app, n, 'pairs join');
                joined.add(n);
                pausedUntil.delete(n);
              }
              if (c.what === 'leave') {
                await run(app, n, 'pairs leave');
                joined.delete(n);
              }
              if (c.what === 'pause') {
                await run(app, n, 'pairs pause 1');
                // A week from today: today is three days before the round, so the round skips them.
                if (joined.has(n)) pausedUntil.set(n, addDays(localToday(app), 6));
              }
            }
            app.clock.set(new Date(`${slot}T10:00:00Z`));
            const made = await runDueRounds(app, app.clock.now());
            const expected = [...joined].filter((n) => !((pausedUntil.get(n) ?? '') >= slot)).map((n) => `shell:${n}`).sort();
            const grouped = made.flatMap((r) => r.groups.flat()).sort();
            expect(grouped).toEqual(expected.length >= 2 ? expected : []);
            for (const r of made) for (const g of r.groups) expect([2, 3]).toContain(g.length);
            slot = addDays(slot, 14);
            app.clock.set(new Date(`${addDays(slot, -3)}T12:00:00Z`));
          }
        } finally {
          await app.cleanup();
        }
      }),
      { numRuns: 6 },
    );
  }, 60_000);
});

function localToday(app: TestApp): string {
  return app.clock.now().toISOString().slice(0, 10);
}
