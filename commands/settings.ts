import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import type { Person } from '../src/core/model/person.js';
import { fields, heading, reply, type Reply } from '../src/core/reply.js';
import { formatWeekdays, isValidTimeZone, normalizeHhmm, parseWeekdays } from '../src/core/time.js';

export default defineCommand({
  name: 'settings',
  description: 'Your time zone, prompt time and working days',
  usage: '/attune settings [tz <IANA zone>] [time <HH:MM>] [days <mon-fri>]',
  examples: ['settings tz Europe/Berlin time 09:30 days mon-fri'],
  audience: 'member',
  args: z.object({
    tz: z.string().max(64).optional().describe('Your IANA time zone, e.g. Europe/Berlin'),
    time: z.string().max(5).optional().describe('Daily prompt time, HH:MM'),
    days: z.string().max(40).optional().describe('Working days, e.g. mon-fri or mon,wed,fri'),
  }),
  parse: { named: true },
  run: (ctx, args) => applySettings(ctx, args),
  actions: {
    // A zone picked from a menu (Discord asks at first contact): validated like a typed one.
    tz: (ctx, input) => applySettings(ctx, { tz: input.value ?? '' }),
  },
});

async function applySettings(ctx: CommandContext, args: { tz?: string; time?: string; days?: string }): Promise<Reply> {
  const copy = ctx.content.copy;
  const changes: Partial<Person> = {};
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
  const changed = Object.keys(changes).length > 0;
  const person = changed ? await ctx.store.savePerson({ ...ctx.person, ...changes }) : ctx.person;
  const tz = person.tz ?? ctx.config.defaultTimeZone;
  const rows: Array<[string, string]> = [
    [copy('settings.tz'), person.tz ? tz : copy('settings.tzDefault', { tz })],
    [copy('settings.time'), person.promptTime],
    [copy('settings.days'), formatWeekdays(person.workingDays)],
  ];
  const title = changed ? copy('settings.saved') : copy('settings.title');
  const fallback = `${title}\n${rows.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${copy('settings.howTo')}`;
  return reply(fallback, [heading(title), fields(rows), { type: 'text', text: copy('settings.howTo'), style: 'muted' }], { private: true });
}
