import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { UsageError, UserError } from '../src/core/errors.js';
import type { Person } from '../src/core/model/person.js';
import { fields, heading, reply, text, type Reply } from '../src/core/reply.js';
import { addDays, formatWeekdays, isValidTimeZone, normalizeHhmm, parseWeekdays } from '../src/core/time.js';

const USAGE = '/attune settings [tz <IANA zone>] [time <HH:MM>] [days <mon-fri>] [reminder <HH:MM>] [pause <days> | resume] [quiet <HH:MM-HH:MM> | quiet off]';
const MAX_PAUSE_DAYS = 365;

export default defineCommand({
  name: 'settings',
  description: 'Your time zone, prompt and reminder times, working days, pause and quiet hours',
  usage: USAGE,
  examples: ['settings tz Europe/Berlin time 09:30 days mon-fri', 'settings pause 14', 'settings quiet 22:00-07:00'],
  audience: 'member',
  args: z.object({
    tz: z.string().max(64).optional().describe('Your IANA time zone, e.g. Europe/Berlin'),
    time: z.string().max(5).optional().describe('Daily prompt time, HH:MM'),
    days: z.string().max(40).optional().describe('Working days, e.g. mon-fri or mon,wed,fri'),
    reminder: z.string().max(5).optional().describe('Check-in reminder time, HH:MM'),
    pause: z.string().max(8).optional().describe('Pause scheduled messages for this many days (1-365)'),
    resume: z.boolean().optional().describe('Resume scheduled messages after a pause'),
    quiet: z.string().max(11).optional().describe('Quiet hours, e.g. 22:00-07:00, or off'),
  }),
  parse: { named: true, flags: ['resume'] },
  run: (ctx, args) => applySettings(ctx, args),
  actions: {
    // A zone picked from a menu (Discord asks at first contact): validated like a typed one.
    tz: (ctx, input) => applySettings(ctx, { tz: input.value ?? '' }),
  },
});

interface SettingsArgs {
  tz?: string;
  time?: string;
  days?: string;
  reminder?: string;
  pause?: string;
  resume?: boolean;
  quiet?: string;
}

async function applySettings(ctx: CommandContext, args: SettingsArgs): Promise<Reply> {
  const copy = ctx.content.copy;
  const changes: Partial<Person> = {};
  const notes: string[] = [];
  if (args.tz !== undefined) {
    if (!isValidTimeZone(args.tz)) throw new UserError(copy('settings.badTz', { value: args.tz }));
    changes.tz = args.tz;
    changes.tzSource = 'user';
  }
  if (args.time !== undefined) {
    const time = normalizeHhmm(args.time);
    if (!time) throw new UserError(copy('settings.badTime', { value: args.time }));
    changes.promptTime = time;
  }
  if (args.days !== undefined) {
    const days = parseWeekdays(args.days);
    if (!days) throw new UserError(copy('settings.badDays', { value: args.days }));
    changes.workingDays = days;
  }
  if (args.reminder !== undefined) {
    const time = normalizeHhmm(args.reminder);
    if (!time) throw new UserError(copy('settings.badTime', { value: args.reminder }));
    changes.reminderTime = time;
  }
  if (args.pause !== undefined && args.resume) throw new UsageError(copy('scheduler.settingsPauseAndResume'), USAGE, 'settings pause 14');
  if (args.pause !== undefined) {
    const days = /^\d{1,3}$/.test(args.pause.trim()) ? Number(args.pause.trim()) : NaN;
    if (!(days >= 1 && days <= MAX_PAUSE_DAYS)) throw new UsageError(copy('scheduler.settingsBadPause', { value: args.pause }), USAGE, 'settings pause 14');
    // Paused through the last day inclusive: "pause 1" is today only.
    changes.pausedUntil = addDays(ctx.today, days - 1);
    notes.push(copy('scheduler.settingsPausedNote', { date: changes.pausedUntil }));
  }
  if (args.resume) {
    changes.pausedUntil = undefined;
    notes.push(copy('scheduler.settingsResumedNote'));
  }
  if (args.quiet !== undefined) changes.quietHours = parseQuiet(args.quiet, (value) => new UsageError(copy('scheduler.settingsBadQuiet', { value }), USAGE, 'settings quiet 22:00-07:00'));
  const changed = Object.keys(changes).length > 0;
  const person = changed ? ((await ctx.store.people.update(ctx.person.id, (p) => withoutUndefined({ ...p, ...changes }))) ?? ctx.person) : ctx.person;
  const tz = person.tz ?? ctx.config.defaultTimeZone;
  const paused = person.pausedUntil && person.pausedUntil >= ctx.today ? person.pausedUntil : undefined;
  const rows: Array<[string, string]> = [
    [copy('settings.tz'), person.tz ? tz : copy('settings.tzDefault', { tz })],
    [copy('settings.time'), person.promptTime],
    [copy('scheduler.settingsReminder'), person.reminderTime],
    [copy('settings.days'), formatWeekdays(person.workingDays)],
    [copy('scheduler.settingsPaused'), paused ?? copy('scheduler.settingsNotPaused')],
    [copy('scheduler.settingsQuiet'), person.quietHours ? `${person.quietHours.from}-${person.quietHours.to}` : copy('scheduler.settingsQuietOff')],
  ];
  const title = changed ? copy('settings.saved') : copy('settings.title');
  const howTo = [copy('settings.howTo'), copy('scheduler.settingsScheduleHowTo')];
  const fallback = [title, ...notes, ...rows.map(([k, v]) => `${k}: ${v}`), ...howTo].join('\n');
  return reply(fallback, [heading(title), ...notes.map((n) => text(n)), fields(rows), ...howTo.map((h) => text(h, 'muted'))], { private: true });
}

/** "22:00-07:00" (may wrap midnight) or "off"; the two ends must differ. */
function parseQuiet(value: string, bad: (value: string) => Error): Person['quietHours'] {
  if (value.trim().toLowerCase() === 'off') return undefined;
  const parts = value.split('-');
  const from = parts.length === 2 ? normalizeHhmm(parts[0]!) : undefined;
  const to = parts.length === 2 ? normalizeHhmm(parts[1]!) : undefined;
  if (!from || !to || from === to) throw bad(value);
  return { from, to };
}

/** Setting a field to undefined removes it (resume, quiet off) rather than storing an explicit undefined. */
function withoutUndefined(person: Person): Person {
  return Object.fromEntries(Object.entries(person).filter(([, v]) => v !== undefined)) as Person;
}
