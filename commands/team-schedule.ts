import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { setDigestSchedule } from '../src/features/teams/team-lifecycle.js';

export default defineCommand({
  name: 'team schedule',
  description: "When a team's leads get its weekly digest: a day and a time in each lead's zone (admins)",
  usage: '/attune team schedule <team> <day> <HH:MM>',
  examples: ['team schedule care fri 16:00'],
  audience: 'admin',
  args: z.object({
    team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care'),
    day: z.string({ message: 'give a day, e.g. fri' }).max(20).describe('The weekday, e.g. mon or fri'),
    time: z.string({ message: 'give a time, e.g. 16:00' }).max(5).describe('The time, HH:MM'),
  }),
  parse: { positional: ['team', 'day', 'time'] },
  async run(ctx, args) {
    const team = await setDigestSchedule(ctx, args.team, args.day, args.time);
    return privateReply(ctx.content.copy('team.scheduleSet', { team: team.name, day: team.digestDay, time: team.digestTime }));
  },
});
