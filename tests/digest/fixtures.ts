import { randomUUID } from 'node:crypto';
import type { App } from '../../src/app.js';
import type { CheckIn } from '../../src/core/model/history.js';
import { PersonSchema } from '../../src/core/model/person.js';
import { teamId, type CustomQuestion, type Team } from '../../src/core/model/team.js';
import { putPerson, putTeam } from '../helpers/seed.js';

/** The test clock's "today" is Monday 2026-03-02, so the digest's latest week is 02-23..03-01 and the one before 02-16..02-22. */
export const LATEST = ['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01'];
export const PREVIOUS = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];
export const JOINED = '2025-12-01T00:00:00.000Z';

export const pid = (name: string) => `shell:${name}`;
export const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export async function person(app: App, name: string, opts: { admin?: boolean; tz?: string } = {}): Promise<void> {
  if ((await app.store.people.get(pid(name)))) return;
  await putPerson(app.store, 
    PersonSchema.parse({ id: pid(name), workspace: 'shell', name, createdAt: JOINED, admin: opts.admin ?? false, ...(opts.tz ? { tz: opts.tz } : {}) }),
  );
}

export async function team(
  app: App,
  slug: string,
  opts: { members: string[]; leads?: string[]; threshold?: number; questions?: CustomQuestion[]; name?: string; digestDay?: Team['digestDay']; digestTime?: string },
): Promise<Team> {
  for (const n of [...opts.members, ...(opts.leads ?? [])]) await person(app, n);
  return putTeam(app.store, {
    id: teamId('shell', slug),
    workspace: 'shell',
    name: opts.name ?? slug,
    createdAt: JOINED,
    members: opts.members.map((m) => ({ personId: pid(m), from: JOINED })),
    leads: (opts.leads ?? []).map(pid),
    ...(opts.threshold ? { threshold: opts.threshold } : {}),
    digestDay: opts.digestDay ?? 'mon',
    digestTime: opts.digestTime ?? '09:00',
    questions: opts.questions ?? [],
  });
}

export async function checkIn(
  app: App,
  name: string,
  date: string,
  scores: { mood: number; energy?: number; stress?: number },
  opts: { teams: string[]; note?: string; shareNote?: boolean; custom?: Record<string, number | string> },
): Promise<CheckIn> {
  const { record } = await app.store.history.addCheckIn({
    id: randomUUID(),
    personId: pid(name),
    at: `${date}T12:00:00.000Z`,
    localDate: date,
    mood: scores.mood,
    energy: scores.energy ?? 3,
    stress: scores.stress ?? 3,
    shareNote: opts.shareNote ?? false,
    teams: opts.teams.map((t) => teamId('shell', t)),
    custom: opts.custom ?? {},
    ...(opts.note ? { note: opts.note } : {}),
  });
  return record;
}

/** The reply's text without the line that names the chart file. */
export const lines = (text: string) => text.split('\n');
