import { z } from 'zod';
import { loadMentoring } from '../src/features/mentoring/mentoring-state.js';
import { defineCommand } from '../src/core/command.js';
import { heading, reply, text, type Block } from '../src/core/reply.js';
import { localDate } from '../src/core/time.js';
import { advanceMentoring, invitationReply, loadOf, nameOf } from '../src/features/mentoring/mentor-flow.js';
import { answerMentorFollowUp, mentorFollowUpReply, pendingMentorFollowUps } from '../src/features/mentoring/follow-up.js';
import { skillLabels } from '../src/features/mentoring/skills.js';

export default defineCommand({
  name: 'mentor status',
  description: 'Your mentoring: your offer, request, matches, and invitations to answer',
  usage: '/attune mentor status',
  audience: 'member',
  args: z.object({}),
  async run(ctx) {
    await advanceMentoring(ctx, ctx.now);
    const copy = ctx.content.copy;
    const m = await loadMentoring(ctx.store, ctx.person.workspace);
    const me = ctx.person.id;
    const day = (iso: string) => localDate(new Date(iso), ctx.tz);
    const lines: string[] = [];
    const profile = m.profiles[me];
    lines.push(
      profile
        ? copy('mentor.statusOffer', { skills: skillLabels(ctx.content.mentoring.skills, profile.skills), capacity: profile.capacity, load: loadOf(m).get(me) ?? 0 })
        : copy('mentor.statusNoOffer'),
    );
    const request = Object.values(m.requests).find((r) => r.personId === me && r.status === 'open');
    if (request) {
      const pending = Object.values(m.invitations).find((i) => i.requestId === request.id && i.status === 'pending');
      const state = pending ? copy('mentor.statusRequestInvited', { until: day(pending.expiresAt) }) : copy('mentor.statusRequestWaiting');
      lines.push(copy('mentor.statusRequest', { goal: request.goal, state }));
    } else lines.push(copy('mentor.statusNoRequest'));
    for (const x of Object.values(m.matches).filter((x) => x.status === 'active')) {
      if (x.mentorId === me) lines.push(copy('mentor.statusMentoring', { name: await nameOf(ctx, x.menteeId), goal: x.goal, since: day(x.startedAt) }));
      if (x.menteeId === me) lines.push(copy('mentor.statusMentee', { name: await nameOf(ctx, x.mentorId), goal: x.goal, since: day(x.startedAt) }));
    }
    const invitations = Object.values(m.invitations).filter((i) => i.mentorId === me && i.status === 'pending');
    if (invitations.length) lines.push(copy('mentor.statusInvitations', { count: invitations.length }));
    const blocks: Block[] = [heading(copy('mentor.statusTitle')), ...lines.map((l) => text(l))];
    // Whatever waits for an answer comes with its buttons, so it can be answered from here on any platform.
    const waiting = [
      ...(await Promise.all(invitations.map((i) => invitationReply(ctx, i)))),
      ...(await Promise.all((await pendingMentorFollowUps(ctx, me, ctx.now)).map((x) => mentorFollowUpReply(ctx, x, me)))),
    ];
    for (const r of waiting) blocks.push({ type: 'divider' }, ...r.blocks);
    const fallback = [copy('mentor.statusTitle'), ...lines, ...waiting.map((r) => r.text)].join('\n');
    return reply(fallback, blocks, { private: true });
  },
  actions: {
    /** "Have you met?" on a mentoring match: yes / not yet / end. */
    met: (ctx, input) => answerMentorFollowUp(ctx, ctx.person, input.value ?? '', ctx.now),
  },
});
