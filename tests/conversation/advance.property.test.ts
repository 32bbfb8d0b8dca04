import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createShell } from '../../src/adapters/shell/start-shell.js';
import { renderReply } from '../../src/adapters/shell/render.js';
import type { Outbox } from '../../src/core/outbox.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';

const START = '2026-03-08T20:00:00Z'; // a Sunday evening: the end of a weekend, then working days
const SPAN_MINUTES = 2 * 24 * 60;
const MINUTE = 60_000;

interface Sent {
  to: string;
  at: string;
  text: string;
}

/** An outbox that notes who got what, and when by the app's clock. */
function recorder(app: TestApp, into: Sent[]): Outbox {
  return {
    async send(to, reply) {
      into.push({ to, at: app.clock.now().toISOString(), text: renderReply(reply).text });
      return { ok: true };
    },
    async sendGroup(ids, reply) {
      for (const to of ids) into.push({ to, at: app.clock.now().toISOString(), text: renderReply(reply).text });
      return { ok: true };
    },
  };
}

const sorted = (sent: Sent[]) => [...sent].sort((a, b) => a.at.localeCompare(b.at) || a.to.localeCompare(b.to) || a.text.localeCompare(b.text));

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const setup = fc.record({
  tz: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'),
  time: hhmm,
  reminder: hhmm,
  days: fc.constantFrom('mon-fri', 'sun-thu', 'mon,wed,fri', 'sat,sun'),
  quiet: fc.option(fc.tuple(hhmm, hhmm).filter(([a, b]) => a !== b), { nil: undefined }),
  nudge: fc.option(hhmm, { nil: undefined }),
});
const people = fc.array(setup, { minLength: 1, maxLength: 3 });
// Step sizes from a minute to a day and a half, as \advance takes them.
const steps = fc.array(fc.integer({ min: 1, max: 36 * 60 }), { minLength: 1, maxLength: 12 });

type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;

async function prepare(settings: Setup[]): Promise<TestApp> {
  const app = await makeTestApp({ now: START });
  for (const [i, s] of settings.entries()) {
    const name = `p${i}`;
    await run(app, name, `settings tz ${s.tz} time ${s.time} reminder ${s.reminder} days ${s.days}${s.quiet ? ` quiet ${s.quiet[0]}-${s.quiet[1]}` : ''}`);
    if (s.nudge) await run(app, name, `nudge daily ${s.nudge}`);
  }
  return app;
}

describe('\\advance by any step equals living through the time', () => {
  it('for random schedules, settings and quiet hours, random \\advance steps deliver the same messages at the same times as one-minute ticks', async () => {
    let delivered = 0;
    await fc.assert(
      fc.asyncProperty(people, steps, async (settings, rawSteps) => {
        // Minute by minute: the reference.
        const lived = await prepare(settings);
        const livedSent: Sent[] = [];
        const minuteScheduler = new Scheduler(lived, { outbox: recorder(lived, livedSent) });
        // Through the shell: \advance in random steps over the same span.
        const jumped = await prepare(settings);
        const jumpedSent: Sent[] = [];
        try {
          const total = Math.min(SPAN_MINUTES, rawSteps.reduce((a, b) => a + b, 0));
          for (let m = 0; m <= total; m++) {
            const at = new Date(new Date(START).getTime() + m * MINUTE);
            lived.clock.set(at);
            await minuteScheduler.tick(at);
          }
          const lines: string[] = [];
          let left = total;
          for (const step of rawSteps) {
            const n = Math.min(step, left);
            if (n <= 0) break;
            lines.push(`\\advance ${n}m`);
            left -= n;
          }
          const input = new PassThrough();
          const output = new PassThrough();
          output.resume();
          const shell = createShell(jumped, { input, output, tty: false, user: 'watcher', scheduler: new Scheduler(jumped, { outbox: recorder(jumped, jumpedSent) }) });
          const running = shell.start();
          for (const line of lines) input.write(`${line}\n`);
          input.end();
          await running;
          expect(jumped.clock.now().toISOString()).toBe(lived.clock.now().toISOString());
          // Within one minute a tick sends in parallel, so order there is not part of the promise.
          expect(sorted(jumpedSent)).toEqual(sorted(livedSent));
          delivered += livedSent.length;
        } finally {
          await lived.cleanup();
          await jumped.cleanup();
        }
      }),
      { numRuns: 5 },
    );
    // The property was about something: messages were sent.
    expect(delivered).toBeGreaterThan(0);
  }, 240_000);
});
