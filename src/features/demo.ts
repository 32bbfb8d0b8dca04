import { randomUUID } from 'node:crypto';
import type { AppContext } from '../core/app-context.js';
import type { Actor } from '../core/invocation.js';
import { EI_COMPONENTS, type CheckIn } from '../core/model/history.js';
import { PersonSchema } from '../core/model/person.js';
import { teamId, type Team } from '../core/model/team.js';
import { addDays, localDate, weekdayOf } from '../core/time.js';
import { ensurePerson } from './people.js';
import { seededRandom } from '../core/seeded-random.js';

export const DEMO_TEAM_SLUG = 'care';
export const DEMO_LEAD = 'maya';
export const DEMO_MEMBERS = ['alice', 'bob', 'carol', 'dan', 'erin', 'frank', 'gus'];
const DEMO_WEEKS = 4;
const ANSWERS = [
  'I noticed my shoulders tense when the queue grew; a short pause before the next call helped.',
  'A customer was sharp with me. I wanted to defend myself, but asking what they needed first calmed us both.',
  'I felt proud when the team closed the backlog together; I want to say thanks more often.',
  'I interrupted a colleague in the stand-up. Next time I will let them finish and ask a question.',
  'Feedback on my reply stung at first. Reading it again later, it was fair and useful.',
  'Low energy after lunch. A walk outside helped more than another coffee.',
];
const NOTES = [
  'busy queue but the team had my back',
  'a tough escalation with an angry customer',
  'too many meetings, little focus time',
  'good feedback from a customer today',
  'tired, the new tool keeps crashing',
  'calm day, cleared the backlog',
  'deadline pressure on the release',
];


/**
 * Loads a small team with a few weeks of history into the shell workspace: a lead (maya), seven
 * members, check-ins on working days (a dip in the last week) and some reflections.
 * The person running it becomes (or stays) the workspace admin if they are the first here.
 */
export async function loadDemo(app: AppContext, runner: Actor): Promise<{ loaded: boolean; team: Team }> {
  const now = app.clock.now();
  await ensurePerson(app, runner, now);
  const id = teamId(runner.workspace, DEMO_TEAM_SLUG);
  const existing = await app.store.teams.get(id);
  if (existing) return { loaded: false, team: existing };

  const tz = app.config.defaultTimeZone;
  const today = localDate(now, tz);
  const start = addDays(today, -DEMO_WEEKS * 7);
  const joined = new Date(now.getTime() - (DEMO_WEEKS * 7 + 1) * 86_400_000).toISOString();
  for (const name of [DEMO_LEAD, ...DEMO_MEMBERS]) {
    const pid = `shell:${name}`;
    await app.store.people.create(PersonSchema.parse({ id: pid, workspace: runner.workspace, name, createdAt: joined, admin: false }));
  }
  const { record: team, created } = await app.store.teams.create({
    id,
    workspace: runner.workspace,
    name: 'Customer Care',
    createdAt: joined,
    members: DEMO_MEMBERS.map((m) => ({ personId: `shell:${m}`, from: joined })),
    // The lead comes last, once the history is written: a digest due now (the scheduler runs beside the
    // shell) would otherwise freeze these weeks before their check-ins exist, and show them empty for good.
    leads: [],
    digestDay: 'mon',
    digestTime: '09:00',
    questions: [],
  });

  // Someone else loaded it meanwhile: their demo stands.
  if (!created) return { loaded: false, team };

  const rand = seededRandom(42);
  // Writes run together so each person-month file is written a few times, not once per record.
  const writes: Array<Promise<unknown>> = [];
  for (const [i, name] of DEMO_MEMBERS.entries()) {
    const pid = `shell:${name}`;
    for (let d = 0; d < DEMO_WEEKS * 7; d++) {
      const date = addDays(start, d);
      if (['sat', 'sun'].includes(weekdayOf(date)) || rand() < 0.15) continue;
      const lastWeek = d >= (DEMO_WEEKS - 1) * 7;
      const base = lastWeek ? 2.6 : 3.6;
      const score = (x: number) => Math.max(1, Math.min(5, Math.round(x + (rand() - 0.5) * 2)));
      const at = new Date(`${date}T16:${String(10 + i).padStart(2, '0')}:00Z`).toISOString();
      const checkIn: CheckIn = {
        id: randomUUID(),
        personId: pid,
        at,
        localDate: date,
        mood: score(base),
        energy: score(base - 0.2),
        stress: score(lastWeek ? 3.9 : 2.6),
        shareNote: false,
        teams: [id],
        custom: {},
        ...(rand() < 0.5 ? { note: NOTES[Math.floor(rand() * NOTES.length)]! } : {}),
      };
      writes.push(app.store.history.addCheckIn(checkIn));
      if (rand() < 0.4) {
        const prompt = app.content.reflections[Math.floor(rand() * app.content.reflections.length)]!;
        writes.push(app.store.history.addReflection({
          id: randomUUID(),
          personId: pid,
          at,
          localDate: date,
          promptId: prompt.id,
          component: prompt.component ?? EI_COMPONENTS[0],
          answer: ANSWERS[Math.floor(rand() * ANSWERS.length)]!,
        }));
      }
    }
  }
  await Promise.all(writes);
  const led = await app.store.teams.update(id, (t) => ({ ...t, leads: [`shell:${DEMO_LEAD}`] }));
  return { loaded: true, team: led ?? team };
}
