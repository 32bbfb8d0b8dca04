import { DateTime } from 'luxon';
import type { AppContext } from '../../core/app-context.js';
import type { Clock } from '../../core/clock.js';
import { localDateTime } from '../../core/time.js';
import type { Scheduler } from '../../scheduler/scheduler.js';
import type { MetaCommand, ShellAdapter } from './shell-adapter.js';

/** A clock the shell may move: the OffsetClock of main.ts, the ManualClock of tests. */
export interface MovableClock extends Clock {
  set(to: Date): void;
}

export function isMovable(clock: Clock): clock is MovableClock {
  return typeof (clock as Partial<MovableClock>).set === 'function';
}

const UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };
const MAX_ADVANCE_MS = 31 * UNITS.d!;

/** "1d", "3h", "30m", "1d2h30m" -> milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (!/^(\d+[dhm])+$/.test(t)) return undefined;
  let ms = 0;
  for (const [, n, unit] of t.matchAll(/(\d+)([dhm])/g)) ms += Number(n) * UNITS[unit!]!;
  return ms > 0 ? ms : undefined;
}

/**
 * \time <ISO> jumps the clock (like a restart after downtime: what is within the grace window is
 * sent, older is recorded missed); \advance <duration> walks the clock forward and runs the scheduler
 * at every due time on the way, so a week of prompts arrives in order, in seconds.
 */
export function timeMetaCommands(app: AppContext, scheduler: Scheduler): Record<string, { help: string; run: MetaCommand }> {
  const zoneOf = async (shell: ShellAdapter) => (await app.store.people.get(shell.actor().id))?.tz ?? app.config.defaultTimeZone;
  const describe = async (shell: ShellAdapter, at: Date) => {
    const tz = await zoneOf(shell);
    return `${localDateTime(at, tz).toFormat('ccc yyyy-MM-dd HH:mm')} ${tz}`;
  };
  const movable = (shell: ShellAdapter): MovableClock | undefined => {
    if (isMovable(app.clock)) return app.clock;
    shell.print('This clock cannot be moved.');
    return undefined;
  };
  return {
    time: {
      help: '\\time <ISO>       jump the clock, e.g. \\time 2026-03-09T09:00 in your time zone unless it names one',
      async run(shell, args) {
        const clock = movable(shell);
        if (!clock) return;
        if (!args) return shell.print(`It is ${await describe(shell, clock.now())}.`);
        const parsed = DateTime.fromISO(args, { zone: await zoneOf(shell), setZone: true });
        if (!/^\d{4}-\d{2}-\d{2}/.test(args) || !parsed.isValid) {
          return shell.print('Usage: \\time <ISO date-time>, for example \\time 2026-03-09T09:00 or \\time 2026-03-09T09:00+01:00');
        }
        const to = parsed.toJSDate();
        clock.set(to);
        shell.print(`The clock is now ${await describe(shell, to)}.`);
        await scheduler.tick(to);
      },
    },
    advance: {
      help: '\\advance <d|h|m>  move the clock forward and receive what is due on the way, e.g. \\advance 1d, 3h, 30m',
      async run(shell, args) {
        const clock = movable(shell);
        if (!clock) return;
        const ms = parseDuration(args);
        if (ms === undefined || ms > MAX_ADVANCE_MS) {
          return shell.print('Usage: \\advance <duration> up to 31d, for example \\advance 1d, \\advance 3h or \\advance 1h30m');
        }
        const start = clock.now();
        if (!scheduler.lastTickAt || scheduler.lastTickAt < start) await scheduler.tick(start);
        const target = new Date(start.getTime() + ms);
        for (const at of await scheduler.dueTimesUntil(target)) {
          clock.set(at);
          shell.print(`(${await describe(shell, at)})`);
          await scheduler.tick(at);
        }
        clock.set(target);
        await scheduler.tick(target);
        shell.print(`The clock is now ${await describe(shell, target)}.`);
      },
    },
  };
}
