import type { CommandContext } from '../../core/command.js';
import { COMMON_ZONES } from '../../core/common-zones.js';
import { PersonSchema, type Person } from '../../core/model/person.js';
import type { Team } from '../../core/model/team.js';
import type { Repositories } from '../../core/store/index.js';
import { reply, text, type Block, type Reply } from '../../core/reply.js';
import { formatWeekdays } from '../../core/time.js';
import { nameOf, type PersonRef } from '../people-ref.js';
import { thresholdOf } from '../teams/team-admin.js';
import { reachable } from './stop.js';

type Ctx = Pick<CommandContext, 'store' | 'person' | 'now' | 'content' | 'config' | 'log' | 'clock'> & { actor?: CommandContext['actor'] };

/**
 * Tells each person an admin added to a team: what Attune is (for someone new to it), what stays
 * private, who leads the team and that their check-ins count toward its anonymous digest, their
 * schedule, and how to pause or stop. Someone Attune did not know yet becomes a person here, so the
 * normal schedule reaches them from now on. Someone who typed `stop` hears nothing. Runs in the
 * transaction that adds them: each welcome is queued in the store's outbox, keyed by the membership.
 */
export async function welcomeToTeam(ctx: Ctx, tx: Repositories, team: Team, added: PersonRef[]): Promise<void> {
  for (const ref of added) {
    let person = await tx.people.get(ref.id);
    let isNew = false;
    if (!person) {
      const created = await tx.people.create(
        PersonSchema.parse({ id: ref.id, workspace: team.workspace, name: ref.name.slice(0, 200), createdAt: ctx.now.toISOString(), admin: false }),
      );
      person = created.record;
      isNew = created.created;
    }
    if (!reachable(person)) continue;
    const since = team.members.find((m) => m.personId === person.id && !m.to)?.from ?? ctx.now.toISOString();
    await tx.outbox.enqueue({ key: `team-welcome:${team.id}:${person.id}:${since}`, recipients: [person.id], reply: await welcomeReply({ ...ctx, store: tx }, team, person, isNew) }, ctx.now);
  }
}

/** The welcome message itself; exported for the privacy test that holds each sentence against the code. */
export async function welcomeReply(ctx: Pick<Ctx, 'person' | 'content' | 'config' | 'actor'> & { store: Pick<Repositories, 'people'> }, team: Team, person: Person, isNew: boolean): Promise<Reply> {
  const copy = ctx.content.copy;
  const leads = await Promise.all(team.leads.map((id) => nameOf(ctx, id)));
  const paragraphs = [
    copy(isNew ? 'welcome.new' : 'welcome.known', { admin: ctx.person.name, team: team.name }),
    copy('welcome.private'),
    leads.length
      ? copy('welcome.leads', { team: team.name, leads: leads.join(', '), threshold: thresholdOf(ctx, team) })
      : copy('welcome.noLead', { team: team.name, threshold: thresholdOf(ctx, team) }),
    ...(isNew
      ? [copy('welcome.schedule', { prompt: person.promptTime, reminder: person.reminderTime, days: formatWeekdays(person.workingDays), tz: person.tz ?? ctx.config.defaultTimeZone })]
      : []),
    copy('welcome.controls'),
  ];
  const blocks: Block[] = paragraphs.map((p) => text(p));
  // Where the platform tells Attune no time zone (its adapter says so), a person without one picks theirs here.
  // The admin and the people they add share a workspace, so the admin's platform is theirs.
  if (!person.tz && ctx.actor?.traits?.asksTimeZone) {
    blocks.push({ type: 'choice', id: 'tz', label: copy('welcome.tzLabel'), options: COMMON_ZONES, action: { command: 'settings', action: 'tz' }, style: 'select' });
  }
  return reply(paragraphs.join('\n\n'), blocks, { private: true });
}
