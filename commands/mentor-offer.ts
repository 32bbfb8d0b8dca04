import { z } from 'zod';
import { loadMentoring } from '../src/features/mentoring/mentoring-state.js';
import { defineCommand } from '../src/core/command.js';
import { UsageError, UserError } from '../src/core/errors.js';
import type { MentorProfile } from '../src/core/model/mentoring.js';
import { heading, reply, text } from '../src/core/reply.js';
import { advanceMentoring, loadOf, matchWaitingRequests } from '../src/features/mentoring/mentor-flow.js';
import { skillLabels, skillsIn } from '../src/features/mentoring/skills.js';

const USAGE = '/attune mentor offer <skills> [capacity <1-10>]';
const EXAMPLE = 'mentor offer calming upset customers, giving feedback capacity 3';
const DEFAULT_CAPACITY = 2;
const CAPACITY_MESSAGE = 'a whole number from 1 to 10';

export default defineCommand({
  name: 'mentor offer',
  description: 'Offer to mentor others in skills you are good at',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'member',
  args: z.object({
    skills: z.string().max(500, 'at most 500 characters').optional().describe('Skills you can help with, in your own words'),
    capacity: z.coerce.number({ message: CAPACITY_MESSAGE }).int(CAPACITY_MESSAGE).min(1, CAPACITY_MESSAGE).max(10, CAPACITY_MESSAGE).optional().describe('Mentees at a time, 1-10 (default 2)'),
  }),
  parse: { positional: ['skills'], rest: 'skills' },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const library = ctx.content.mentoring.skills;
    const known = library.map((s) => s.label).join(', ');
    let words = (args.skills ?? '').trim();
    let capacity = args.capacity;
    // Typed as text, the capacity comes at the end: "... capacity 3".
    const typed = /(?:^|\s)capacity\s+(\S+)\s*$/i.exec(words);
    if (typed) {
      const n = Number(typed[1]);
      if (!Number.isInteger(n) || n < 1 || n > 10) throw new UsageError(copy('mentor.badCapacity', { value: typed[1]! }), USAGE, EXAMPLE);
      capacity = n;
      words = words.slice(0, typed.index).trim();
    }
    if (!words) throw new UsageError(copy('mentor.noSkillsGiven', { known }), USAGE, EXAMPLE);
    const skills = skillsIn(words, library);
    if (skills.length === 0) throw new UsageError(copy('mentor.noSkills', { text: words, known }), USAGE, EXAMPLE);

    await advanceMentoring(ctx, ctx.now);
    // In one transaction with the places taken: lowering capacity below them would leave a mentor over capacity.
    const { previous, profile } = await ctx.store.transaction(async (tx) => {
      const previous = await tx.mentoring.profiles.get(ctx.person.id);
      const taken = loadOf(await loadMentoring(tx, ctx.person.workspace)).get(ctx.person.id) ?? 0;
      if (capacity !== undefined && capacity < taken) throw new UserError(copy('mentor.capacityBelowTaken', { capacity, taken }));
      const profile: MentorProfile = {
        personId: ctx.person.id,
        workspace: ctx.person.workspace,
        skills,
        text: words,
        capacity: capacity ?? previous?.capacity ?? DEFAULT_CAPACITY,
        since: previous?.since ?? ctx.now.toISOString(),
        updatedAt: ctx.now.toISOString(),
      };
      if (previous) await tx.mentoring.profiles.update(profile.personId, () => profile);
      else await tx.mentoring.profiles.create(profile);
      return { previous, profile };
    });
    const invited = await matchWaitingRequests(ctx, ctx.person.workspace, ctx.now);
    const labels = skillLabels(library, skills);
    const lines = [
      previous ? copy('mentor.offerUpdated', { skills: labels, capacity: profile.capacity }) : copy('mentor.offerSaved', { skills: labels, capacity: profile.capacity }),
      ...(invited ? [copy('mentor.offerInvited', { count: invited })] : []),
      copy('mentor.offerHowToStop'),
    ];
    return reply(lines.join('\n'), [heading(copy('mentor.offerTitle')), ...lines.map((l) => text(l))], { private: true });
  },
});
